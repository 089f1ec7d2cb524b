import type { Payload } from 'payload'
import { messageKey, selectMessage } from '../../../shared/compose'
import type { MessageVersion } from '../../../shared/contract'
import type { Audience } from '../../../shared/contract/primitives'
import { audiences } from '../../../shared/contract/primitives'
import { allSendSlots, type Program } from '../../../shared/program'
import type { YorisoiSlugs } from '../slugs'

export type CoverageStatus = 'approved' | 'stale' | 'in-review' | 'missing'

export type CoverageCell = {
  slot: string
  audience: Audience
  language: string
  status: CoverageStatus
  /** A resident of this language gets a message on this slot: its own or one the fallback chain reaches. */
  covered: boolean
  /** For a gap: the approved message a resident would get instead (same rules as the edge), or null. */
  filledBy: { slot: string; audience: Audience; language: string } | null
}

type MessageRow = {
  slot: string
  audience: Audience
  language: string
  reviewState: string
  approvedVersionNumber?: number | null
  stale?: boolean
}

/**
 * Every send slot × audience × language of a program: approved, stale (a translation behind its
 * source), in review, or missing, and for each gap which fallback the edge would use — the
 * resident's language first, then `fallbackLanguages` in order (a tenant's own order).
 */
export async function coverage(
  payload: Payload,
  slugs: YorisoiSlugs,
  program: Program,
  languages: readonly string[],
  fallbackLanguages: readonly string[],
): Promise<CoverageCell[]> {
  const { docs } = await payload.find({
    collection: slugs.messages,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    select: {
      slot: true,
      audience: true,
      language: true,
      reviewState: true,
      approvedVersionNumber: true,
      translationOf: true,
      translatedFromVersion: true,
      stale: true,
    },
  })
  const rows = docs as unknown as MessageRow[]
  const byKey = new Map(rows.map((row) => [messageKey(row.slot, row.audience, row.language), row]))
  // The edge selects among approved versions only; the cells only need their keys.
  const approved = new Map<string, MessageVersion>()
  for (const row of rows) {
    if (row.approvedVersionNumber) {
      approved.set(messageKey(row.slot, row.audience, row.language), row as unknown as MessageVersion)
    }
  }

  const cells: CoverageCell[] = []
  for (const slot of allSendSlots(program)) {
    for (const audience of audiences) {
      for (const language of languages) {
        const row = byKey.get(messageKey(slot, audience, language))
        const status: CoverageStatus = row?.approvedVersionNumber
          ? row.stale
            ? 'stale'
            : 'approved'
          : row?.reviewState === 'in-review'
            ? 'in-review'
            : 'missing'
        let filledBy: CoverageCell['filledBy'] = null
        let covered = status === 'approved' || status === 'stale'
        if (status !== 'approved') {
          const selection = selectMessage(approved, slot, audience, language, fallbackLanguages)
          covered = selection.found
          if (selection.found && (selection.audience !== audience || selection.language !== language)) {
            filledBy = { slot, audience: selection.audience, language: selection.language }
          }
        }
        cells.push({ slot, audience, language, status, covered, filledBy })
      }
    }
  }
  return cells
}
