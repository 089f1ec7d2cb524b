import { diffChars } from 'diff'

export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string }

/**
 * What changed from the live version to the one in review, character by character (Japanese has
 * no spaces to split words at). No live version: everything is new.
 */
export function textDiff(live: string | null, inReview: string): DiffPart[] {
  if (live === null) return [{ kind: 'added', text: inReview }]
  return diffChars(live, inReview).map((change) => ({
    kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
    text: change.value,
  }))
}
