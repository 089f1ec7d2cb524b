import type { D1Database } from '@cloudflare/workers-types'
import type { AnnouncementRecipient } from '../../shared/announcements/target'
import type { CivilDate } from '../../shared/calendar'
import type { Audience, Channel } from '../../shared/contract'
import { type Program, slotContext } from '../../shared/program'
import type { TimelineRow } from '../resident/rows'
import { factsOf } from '../resident/schedule'

/** A resident as the send needs them: who, where, and where their timelines stand on the town's date. */
export interface Resident {
  rowid: number
  id: string
  nickname: string
  language: string
  channel: Channel
  address: string
  manageGeneration: number
  recipient: AnnouncementRecipient
}

interface SubscriberRow {
  rowid: number
  id: string
  nickname: string
  audience: Audience
  language: string
  channel: Channel
  address: string
  state: AnnouncementRecipient['state']
  townNotices: number
  manageGeneration: number
}

const columns = `rowid, id, nickname, audience, language, channel, address, state,
                 town_notices AS townNotices, manage_generation AS manageGeneration`

/** Which residents: a page of the tenant's in rowid order (the walk), or named ones (a batch). */
export type Which = { after: number; limit: number } | { ids: readonly string[] }

/** The residents `which` names, with their timelines, in two queries; every state, as reaches() judges it. */
export async function loadResidents(
  db: D1Database,
  input: { tenant: string; which: Which; date: CivilDate; program: Program },
): Promise<Resident[]> {
  const { which } = input
  // subscribers_tenant holds rowid after tenant_slug: the page is a range of that index.
  const subscribers =
    'after' in which
      ? db
          .prepare(
            `SELECT ${columns} FROM subscribers WHERE tenant_slug = ?1 AND rowid > ?2 ORDER BY rowid LIMIT ?3`,
          )
          .bind(input.tenant, which.after, which.limit)
      : db
          .prepare(
            `SELECT ${columns} FROM subscribers WHERE id IN (SELECT value FROM json_each(?2)) AND +tenant_slug = ?1
             ORDER BY rowid`,
          )
          .bind(input.tenant, JSON.stringify(which.ids))
  const { results: found } = await subscribers.all<SubscriberRow>()
  if (found.length === 0) return []
  const timelines = await timelinesOf(
    db,
    found.map((s) => s.id),
    input.date,
  )
  return found.map((s) => ({
    rowid: s.rowid,
    id: s.id,
    nickname: s.nickname,
    language: s.language,
    channel: s.channel,
    address: s.address,
    manageGeneration: s.manageGeneration,
    recipient: {
      audience: s.audience,
      language: s.language,
      channel: s.channel,
      state: s.state,
      townNotices: s.townNotices === 1,
      contexts: (timelines.get(s.id) ?? []).map((t) =>
        slotContext(factsOf(t, input.date), input.date, input.program),
      ),
    },
  }))
}

/** Each subscriber's timelines not ended by `date`. */
async function timelinesOf(
  db: D1Database,
  ids: readonly string[],
  date: CivilDate,
): Promise<Map<string, TimelineRow[]>> {
  const { results } = await db
    .prepare(
      `SELECT m.subscriber_id AS subscriberId, t.id, t.due_date AS dueDate, t.birth_date AS birthDate,
              t.birth_reported_on AS birthReportedOn, t.loss_date AS lossDate, t.loss_reported_on AS lossReportedOn
       FROM timeline_members m JOIN timelines t ON t.id = m.timeline_id
       WHERE m.subscriber_id IN (SELECT value FROM json_each(?1)) AND (t.ended_on IS NULL OR t.ended_on > ?2)
       ORDER BY t.created_at, t.id`,
    )
    .bind(JSON.stringify(ids), date)
    .all<TimelineRow & { subscriberId: string }>()
  const bySubscriber = new Map<string, TimelineRow[]>()
  for (const row of results) {
    const list = bySubscriber.get(row.subscriberId) ?? []
    list.push(row)
    bySubscriber.set(row.subscriberId, list)
  }
  return bySubscriber
}
