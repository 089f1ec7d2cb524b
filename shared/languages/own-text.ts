import { languageRegistry } from './registry'

// A resident's own text (a nickname) is marked Japanese only when it holds kana, which no other
// language a resident chooses writes. Kanji alone (Japanese or Chinese) or Latin letters (English,
// Vietnamese, Tagalog…) do not tell the language by their script: such a text is left to read in
// the language around it.
const kana = /[\u3040-\u30ff]/

const writtenInJapanese = new Set<string>(
  languageRegistry.filter((entry) => entry.script === 'Jpan').map((entry) => entry.tag),
)

/**
 * The `lang` a resident's own text needs where it stands: 'ja' when it holds kana and the
 * language around it (`around`, the `lang` of the element it goes in) is not written in Japanese;
 * undefined when it reads in the language around it. Without `around` (a line in two languages)
 * kana always marks it.
 */
export function ownTextLanguage(text: string, around?: string): 'ja' | undefined {
  if (!kana.test(text)) return undefined
  return around !== undefined && writtenInJapanese.has(around) ? undefined : 'ja'
}
