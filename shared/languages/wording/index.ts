// The fixed wording of resident pages and messages in every language beyond Japanese and English,
// one JSON file per language: Japanese source text (with {name} placeholders) → translation. The
// Japanese and English are written in the code itself; adding a language is adding a file here.
// やさしい日本語 alone writes readings, {漢字|かんじ}: ruby on a page, 漢字（かんじ） elsewhere
// (../wording.ts); tests/unit/easy-japanese.test.ts holds it to the style's limits.

import id from './id.json'
import easy from './ja-x-easy.json'
import ko from './ko.json'
import my from './my.json'
import ne from './ne.json'
import ptBR from './pt-BR.json'
import tl from './tl.json'
import vi from './vi.json'
import zhHans from './zh-Hans.json'

export type WordingCatalog = Readonly<Record<string, string>>

export const wordingCatalogs: Readonly<Record<string, WordingCatalog>> = {
  'ja-x-easy': easy,
  'zh-Hans': zhHans,
  vi,
  ko,
  tl,
  'pt-BR': ptBR,
  ne,
  id,
  my,
}
