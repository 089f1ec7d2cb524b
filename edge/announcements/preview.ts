import type { D1Database } from '@cloudflare/workers-types'
import { type AnnouncementRecipient, reaches, type Stage } from '../../shared/announcements/target'
import type { CivilDate } from '../../shared/calendar'
import {
  type Announcement,
  type AnnouncementPreview,
  type AnnouncementStage,
  channels,
} from '../../shared/contract'
import { type Program, slotContext } from '../../shared/program'
import { factsOf } from '../resident/schedule'

/** Subscribers read at once: a town of 20,000 is 20 reads, each a range of the tenant index. */
const pageSize = 1000

interface Row {
  n: number
  id: string
  audience: AnnouncementRecipient['audience']
  language: string
  channel: AnnouncementRecipient['channel']
  state: AnnouncementRecipient['state']
  townNotices: number
  /** Null when the subscriber follows no timeline still open on the date. */
  timelineId: string | null
  dueDate: string | null
  birthDate: string | null
  birthReportedOn: string | null
  lossDate: string | null
  lossReportedOn: string | null
}

// One page of the town's subscribers in rowid order, each with the timelines still open on the
// date (a subscriber with none comes once, its timeline columns null).
const pageQuery = `
  WITH page AS (
    SELECT rowid AS n, id, audience, language, channel, state, town_notices AS townNotices
      FROM subscribers WHERE tenant_slug = ?1 AND rowid > ?2 ORDER BY rowid LIMIT ?3)
  SELECT page.*, t.id AS timelineId, t.due_date AS dueDate, t.birth_date AS birthDate, t.birth_reported_on AS birthReportedOn,
         t.loss_date AS lossDate, t.loss_reported_on AS lossReportedOn
    FROM page
    LEFT JOIN timeline_members m ON m.subscriber_id = page.id
    LEFT JOIN timelines t ON t.id = m.timeline_id AND (t.ended_on IS NULL OR t.ended_on > ?4)
   ORDER BY page.n`

/** The town's subscribers as an announcement's target sees them on `date`, a page at a time. */
async function* recipientsOf(
  db: D1Database,
  input: { tenant: string; date: CivilDate; program: Program },
): AsyncGenerator<AnnouncementRecipient> {
  let after = 0
  for (;;) {
    const { results } = await db.prepare(pageQuery).bind(input.tenant, after, pageSize, input.date).all<Row>()
    const bySubscriber = new Map<string, Row[]>()
    for (const row of results) {
      const rows = bySubscriber.get(row.id)
      if (rows) rows.push(row)
      else bySubscriber.set(row.id, [row])
    }
    for (const rows of bySubscriber.values()) {
      const s = rows[0] as Row
      yield {
        audience: s.audience,
        language: s.language,
        channel: s.channel,
        state: s.state,
        townNotices: s.townNotices === 1,
        contexts: rows
          .filter((t) => t.timelineId !== null)
          .map((t) =>
            slotContext(factsOf({ ...t, id: t.timelineId as string }, input.date), input.date, input.program),
          ),
      }
    }
    if (bySubscriber.size < pageSize) return
    after = (results.at(-1) as Row).n
  }
}

const stageKey = (s: Stage) => `${s.stage}|${'month' in s ? s.month : ''}`
const stageOrder = { pregnancy: 0, child: 1, loss: 2 }

/**
 * Who would receive the announcement if it were sent now: the town's subscribers counted by
 * channel and by stage, each decided by `reaches` (the same rule the send walk follows) on the
 * town's local date with its program. Counts only; nobody is named.
 */
export async function previewAnnouncement(
  db: D1Database,
  input: {
    tenant: string
    announcement: Pick<Announcement, 'urgent' | 'target'>
    date: CivilDate
    program: Program
  },
): Promise<AnnouncementPreview> {
  const byChannel = Object.fromEntries(channels.map((c) => [c, 0])) as AnnouncementPreview['byChannel']
  const byStage = new Map<string, AnnouncementStage>()
  let total = 0
  for await (const recipient of recipientsOf(db, input)) {
    const reach = reaches(input.announcement, recipient)
    if (!reach.receives) continue
    total++
    byChannel[recipient.channel]++
    const key = stageKey(reach.stage)
    const counted = byStage.get(key) ?? { ...reach.stage, count: 0 }
    counted.count++
    byStage.set(key, counted)
  }
  const stages = [...byStage.values()].sort(
    (a, b) =>
      stageOrder[a.stage] - stageOrder[b.stage] ||
      ('month' in a ? a.month : 0) - ('month' in b ? b.month : 0),
  )
  return { total, byChannel, byStage: stages }
}
