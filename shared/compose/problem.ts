import type { Bilingual } from '../calendar'

/** Why a delivery cannot be composed or rendered; the edge flags it for a person instead of sending. */
export interface ComposeProblem {
  /** What was being composed, e.g. `message msg-pregnancy-196-primary-ja v3`, `subject`, `sms`. */
  where: string
  reason:
    | 'unknown-placeholder'
    | 'unfillable-placeholder'
    | 'malformed-placeholder'
    | 'unsafe-link'
    | 'too-long'
  message: Bilingual
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; problems: ComposeProblem[] }

// Editors' texts (this file is not resident wording): built here, with their numbers in them.

export const smsTooLong = (characters: number, cap: number): Bilingual => ({
  ja: `SMS が${characters}文字で、上限の${cap}文字を超えています（短文を短くしてください）`,
  en: `The SMS is ${characters} characters, over the ${cap} limit (shorten the short text)`,
})

export const lineTooMany = (count: number, limit: number): Bilingual => ({
  ja: `LINE のメッセージが${count}通になり、上限の${limit}通を超えています`,
  en: `The LINE delivery needs ${count} messages, over the limit of ${limit}`,
})
