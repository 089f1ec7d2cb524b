import type { D1Database } from '@cloudflare/workers-types'
import { addDays, localDate } from '../../shared/calendar'
import type { NurseChange } from '../../shared/compose'
import type { Outcome } from './record'

/** A household's nurse the family has not been told of yet (or was told of on this very day). */
export interface NurseNews {
  household: string
  nurseUser: string
  assignedAt: string
  change: NurseChange
}

/** A household's nurse as loadDueSubscribers reads it with the household's timeline. */
export interface NurseNewsRow {
  household: string
  nurseUser: string
  name: string
  contact: string | null
  assignedAt: string
  toldAt: string | null
}

/**
 * The SQL of one household's nurse still to be told of, as a JSON object (or null), for the
 * timeline `household` of a subscriber; `tenant` and `since` (nurseNewsSince) are parameters.
 * A household told today is told again to its other members today (a partner's message of the
 * same day, a batch retried), and never on a later day. A nurse who shows no name is not announced.
 */
export function nurseNewsColumn(household: string, tenant: string, since: string): string {
  return `(SELECT json_object('household', n.household_id, 'nurseUser', n.nurse_user, 'name', n.nurse_name,
                              'contact', n.nurse_contact, 'assignedAt', n.assigned_at, 'toldAt', n.told_at)
           FROM household_nurses n
           WHERE n.household_id = ${household} AND n.tenant_slug = ${tenant}
             AND trim(n.nurse_name) <> '' AND (n.told_at IS NULL OR n.told_at >= ${since}))`
}

/** The earliest told_at that may still be today's in any time zone. */
export const nurseNewsSince = (date: string) => addDays(date, -2)

/** One subscriber's nurses still to be told of, from their households' rows, oldest assignment first. */
export function nurseNewsOf(rows: readonly NurseNewsRow[], date: string, timeZone: string): NurseNews[] {
  return rows
    .filter((row) => !row.toldAt || localDate(new Date(row.toldAt), timeZone) >= date)
    .sort((a, b) => compare(a.assignedAt, b.assignedAt) || compare(a.household, b.household))
    .map((row) => ({
      household: row.household,
      nurseUser: row.nurseUser,
      assignedAt: row.assignedAt,
      change: { name: row.name, contact: row.contact },
    }))
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** One line per nurse, however many of the resident's households she took. */
export function nurseChangesOf(news: readonly NurseNews[]): NurseChange[] {
  const byNurse = new Map<string, NurseChange>()
  for (const item of news) if (!byNurse.has(item.nurseUser)) byNurse.set(item.nurseUser, item.change)
  return [...byNurse.values()]
}

/**
 * The households whose news went out in a sent message, marked told. Only the assignment that was
 * told: a nurse changed meanwhile (a new assigned_at) is still to be told.
 */
export async function markNurseTold(
  deps: { db: D1Database; now(): Date },
  requests: readonly { key: string; nurseNews?: readonly NurseNews[] }[],
  landed: readonly Outcome[],
): Promise<void> {
  const sent = new Set(landed.filter((o) => o.state === 'sent').map((o) => o.key))
  const told = requests.filter((r) => sent.has(r.key)).flatMap((r) => r.nurseNews ?? [])
  if (told.length === 0) return
  const at = deps.now().toISOString()
  const mark = deps.db.prepare(
    `UPDATE household_nurses SET told_at = ?4
      WHERE household_id = ?1 AND nurse_user = ?2 AND assigned_at = ?3 AND told_at IS NULL`,
  )
  await deps.db.batch(told.map((n) => mark.bind(n.household, n.nurseUser, n.assignedAt, at)))
}
