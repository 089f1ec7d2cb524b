import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'
import {
  type Coverage,
  type CoverageCount,
  coverageOf,
  messageKey,
  selectMessage,
} from '../../../shared/compose'
import type { MessageVersion } from '../../../shared/contract'
import type { Audience } from '../../../shared/contract/primitives'
import { audiences } from '../../../shared/contract/primitives'
import { allSendSlots, type Program } from '../../../shared/program'
import { leanRows, numberOrNull, tableOf } from '../../db/lean'
import type { YorisoiSlugs } from '../slugs'

export type CoverageStatus = 'approved' | 'stale' | 'in-review' | 'missing'

export type CoverageCell = {
  slot: string
  audience: Audience
  language: string
  status: CoverageStatus
  /**
   * As the edge chooses (shared/compose selectMessage): `own` approved wording, a `fallback` right
   * for the audience along the language chain, or `none` — nothing right for the audience, even if
   * a partner or family member would get the primary's wording as the last resort.
   */
  reach: Coverage
  /** reach is own or fallback. */
  covered: boolean
  /** The approved message a resident would get instead of their own (a fallback or the last resort), or null. */
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
 * source), in review, or missing, and what a resident reads there under the edge's rule: the
 * audience rule first, then the resident's language, its own fallback order, `fallbackLanguages`
 * (a tenant's own order) and Japanese.
 */
export async function coverage(
  payload: Payload,
  slugs: YorisoiSlugs,
  program: Program,
  languages: readonly string[],
  fallbackLanguages: readonly string[],
): Promise<CoverageCell[]> {
  // One query, the staleness too (markStale's rule: the source has a newer approved version than
  // the one translated): through Payload's find, 9,000 messages took seconds and a query each.
  const messages = tableOf(payload, slugs.messages)
  const found = await leanRows<
    Omit<MessageRow, 'approvedVersionNumber'> & { approvedVersionNumber: unknown }
  >(
    payload,
    sql`SELECT m.slot, m.audience::text AS audience, m.language::text AS language,
          m.review_state::text AS "reviewState", m.approved_version_number AS "approvedVersionNumber",
          (m.translation_of_id IS NOT NULL AND source.id IS NOT NULL
            AND COALESCE(source.approved_version_number, 0) > COALESCE(m.translated_from_version, 0)) AS stale
        FROM ${messages} m LEFT JOIN ${messages} source ON source.id = m.translation_of_id`,
  )
  const rows: MessageRow[] = found.map((row) => ({
    ...row,
    approvedVersionNumber: numberOrNull(row.approvedVersionNumber),
  }))
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
        const selection = selectMessage(approved, slot, audience, language, fallbackLanguages)
        const reach = coverageOf(selection)
        const filledBy =
          selection.found && (selection.audience !== audience || selection.language !== language)
            ? { slot, audience: selection.audience, language: selection.language }
            : null
        cells.push({ slot, audience, language, status, reach, covered: reach !== 'none', filledBy })
      }
    }
  }
  return cells
}

/** Per language × audience, the slots with own wording, a fallback, or none: the `yorisoi coverage` numbers. */
export function coverageSummary(cells: readonly CoverageCell[]): CoverageCount[] {
  const rows = new Map<string, CoverageCount>()
  for (const cell of cells) {
    const key = `${cell.language}|${cell.audience}`
    const row = rows.get(key) ?? {
      language: cell.language,
      audience: cell.audience,
      slots: 0,
      own: 0,
      fallback: 0,
      none: 0,
    }
    row.slots++
    row[cell.reach]++
    rows.set(key, row)
  }
  return [...rows.values()]
}
