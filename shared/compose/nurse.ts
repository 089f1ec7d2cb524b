import type { Bilingual } from '../calendar'
import { say } from './strings'

/**
 * A nurse (保健師) newly assigned to one of the resident's households, as she chose to be shown to
 * families: the day's message tells them once (阿久根市's 顔の見える関係).
 */
export interface NurseChange {
  name: string
  /** How to reach her, as she wrote it; null when she gave none. */
  contact: string | null
}

/** 「担当の保健師が さとう さんになりました（連絡先 …）」, one sentence a line, in the resident's language. */
export function nurseChangeText(change: NurseChange, language: string): string {
  return say(nurseChangeWords(change), language)
}

function nurseChangeWords({ name, contact }: NurseChange): Bilingual {
  return {
    ja: `担当の保健師が ${name} さんになりました${contact ? `（連絡先 ${contact}）` : ''}`,
    en: `Your public health nurse is now ${name}${contact ? ` (contact: ${contact})` : ''}`,
  }
}

/** Every change of the day as the lines of one note; null when there is none to tell. */
export function nurseNoteOf(changes: readonly NurseChange[], language: string): string | null {
  const named = changes.filter((change) => change.name.trim() !== '')
  if (named.length === 0) return null
  return named.map((change) => nurseChangeText(change, language)).join('\n')
}
