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

interface NewsRow {
  subscriberId: string
  household: string
  nurseUser: string
  name: string
  contact: string | null
  assignedAt: string
  toldAt: string | null
}

/**
 * For each subscriber of the batch, the nurses of their households still to be told. A household
 * told today is told again to its other members today (a partner's message of the same day, a
 * batch retried), and never on a later day. A nurse who shows no name is not announced.
 */
export async function loadNurseNews(
  db: D1Database,
  input: { tenant: string; ids: readonly string[]; date: string; timeZone: string },
): Promise<Map<string, NurseNews[]>> {
  const { results } = await db
    .prepare(
      `SELECT m.subscriber_id AS subscriberId, n.household_id AS household, n.nurse_user AS nurseUser,
              n.nurse_name AS name, n.nurse_contact AS contact, n.assigned_at AS assignedAt, n.told_at AS toldAt
         FROM timeline_members m JOIN household_nurses n ON n.household_id = m.timeline_id
        WHERE m.subscriber_id IN (SELECT value FROM json_each(?1)) AND n.tenant_slug = ?2
          AND trim(n.nurse_name) <> '' AND (n.told_at IS NULL OR n.told_at >= ?3)
        ORDER BY n.assigned_at, n.household_id`,
    )
    .bind(JSON.stringify(input.ids), input.tenant, addDays(input.date, -2))
    .all<NewsRow>()
  const news = new Map<string, NurseNews[]>()
  for (const row of results) {
    if (row.toldAt && localDate(new Date(row.toldAt), input.timeZone) < input.date) continue
    const list = news.get(row.subscriberId) ?? []
    list.push({
      household: row.household,
      nurseUser: row.nurseUser,
      assignedAt: row.assignedAt,
      change: { name: row.name, contact: row.contact },
    })
    news.set(row.subscriberId, list)
  }
  return news
}

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
