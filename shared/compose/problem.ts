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
