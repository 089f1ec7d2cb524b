// Every language the sample content is written in. Adding a language: its files under
// languages/<tag>/ and one line here; the generator loops over this list.

import type { LanguageContent } from '../language-content'
import { en } from './en'
import { id } from './id'
import { ja } from './ja'
import { jaEasy } from './ja-x-easy'
import { ko } from './ko'
import { my } from './my'
import { ne } from './ne'
import { ptBR } from './pt-BR'
import { tl } from './tl'
import { vi } from './vi'
import { zhHans } from './zh-Hans'

export const languageContents: readonly LanguageContent[] = [
  ja,
  jaEasy,
  en,
  zhHans,
  vi,
  ko,
  ptBR,
  id,
  tl,
  ne,
  my,
]
