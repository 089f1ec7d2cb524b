import { type Wording, wording } from '../languages/wording'
import { sayShort } from './strings'

/**
 * A nurse (保健師) newly assigned to one of the resident's households, as she chose to be shown to
 * families: the day's message tells them once (阿久根市's 顔の見える関係).
 */
export interface NurseChange {
  name: string
  /** How to reach her, as she wrote it; null when she gave none. */
  contact: string | null
}

/**
 * 「担当の保健師が さとう さんになりました（連絡先 …）」, one sentence a line, in the resident's language
 * only: the note rides in the SMS (where a second language costs a segment), and email and LINE
 * carry the same sentence.
 */
export function nurseChangeText(change: NurseChange, language: string): string {
  return sayShort(nurseChangeWords(change), language)
}

function nurseChangeWords({ name, contact }: NurseChange): Wording {
  return contact
    ? wording(
        '担当の保健師が {name} さんになりました（連絡先 {contact}）',
        'Your public health nurse is now {name} (contact: {contact})',
        { name, contact },
      )
    : wording('担当の保健師が {name} さんになりました', 'Your public health nurse is now {name}', { name })
}

/** Every change of the day as the lines of one note; null when there is none to tell. */
export function nurseNoteOf(changes: readonly NurseChange[], language: string): string | null {
  const named = changes.filter((change) => change.name.trim() !== '')
  if (named.length === 0) return null
  return named.map((change) => nurseChangeText(change, language)).join('\n')
}
