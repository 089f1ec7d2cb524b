/** The kinds of attempt the attack suite makes; the run's report lists each, zero included. */
export const attackKinds = [
  'forged approval',
  'cross-tenant read',
  'token guess',
  'csrf',
  'unsigned webhook',
  'replayed webhook',
  'sms flood',
  'oversized or malformed part',
  'erasure leftover',
] as const
export type AttackKind = (typeof attackKinds)[number]

/** What one test reports to the run's tally: attempts made, and how many of them were refused. */
export interface AttemptReport {
  project: string
  test: string
  kind: AttackKind
  made: number
  refused: number
}
