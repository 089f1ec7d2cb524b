import type { D1Database } from '@cloudflare/workers-types'
import type { Channel, CostCount, ReadingCount } from '../../shared/contract'
import type { TenantPeriod } from './resident-counts'
import { type StageFacts, youngestStage } from './stage'
import { tenantResidents } from './tenant-deliveries'

interface SendRow {
  id: string
  date: string
  channel: Channel
  opened: number
  clicked: number
  due: string | null
  birth: string | null
  loss: string | null
  ended: string | null
}

/**
 * Program deliveries sent on each date of the period by channel and the resident's stage that
 * day, and how many of them had their message page opened or a link clicked. Read through the
 * tenant's residents and each one's days (tenant-deliveries.ts); rows pruned already (older than
 * the message pages) are no longer here.
 */
export async function readingCounts(db: D1Database, period: TenantPeriod): Promise<ReadingCount[]> {
  const { results } = await db
    .prepare(
      `${tenantResidents}
       SELECT d.id, d.local_date AS date, d.channel, d.opened_at IS NOT NULL AS opened,
              EXISTS (SELECT 1 FROM delivery_clicks c WHERE c.delivery_id = d.id) AS clicked,
              t.due_date AS due, t.birth_date AS birth, t.loss_date AS loss, t.ended_on AS ended
       FROM tenant_residents r CROSS JOIN deliveries d ON d.subscriber_id = r.id AND d.local_date BETWEEN ?2 AND ?3
       JOIN timeline_members m ON m.subscriber_id = d.subscriber_id JOIN timelines t ON t.id = m.timeline_id
       WHERE d.tenant_slug = ?1 AND d.kind = 'program' AND d.state = 'sent'`,
    )
    .bind(period.tenant, period.from, period.to)
    .all<SendRow>()
  const sends = new Map<string, { row: SendRow; timelines: StageFacts[] }>()
  for (const row of results) {
    const seen = sends.get(row.id) ?? { row, timelines: [] }
    seen.timelines.push({ due: row.due, birth: row.birth, loss: row.loss, ended: row.ended })
    sends.set(row.id, seen)
  }
  const counts = new Map<string, ReadingCount>()
  for (const { row, timelines } of sends.values()) {
    const stage = youngestStage(timelines, row.date)
    if (!stage) continue
    const key = [row.date, row.channel, stage].join('|')
    const count = counts.get(key) ?? {
      date: row.date,
      tenant: period.tenant,
      channel: row.channel,
      stage,
      sent: 0,
      opened: 0,
      clicked: 0,
    }
    count.sent++
    if (row.opened) count.opened++
    if (row.clicked) count.clicked++
    counts.set(key, count)
  }
  return [...counts.values()]
}

/**
 * Messages sent on each date of the period by channel, every kind (program, confirmation,
 * announcement, staff), with the SMS segments they took: the delivery rows, and the counts of
 * delivery_counts — days already pruned (their rows' segments went with them) and the texts
 * counted as they went, which have no row (SMS codes and the like, with their segments).
 */
export async function costCounts(db: D1Database, period: TenantPeriod): Promise<CostCount[]> {
  const [live, stored] = await db.batch<{
    date: string
    channel: Channel
    messages: number
    smsSegments: number
  }>([
    db
      .prepare(
        `${tenantResidents}
         SELECT d.local_date AS date, d.channel, COUNT(*) AS messages, SUM(coalesce(d.sms_segments, 0)) AS smsSegments
         FROM tenant_residents r CROSS JOIN deliveries d ON d.subscriber_id = r.id AND d.local_date BETWEEN ?2 AND ?3
         WHERE d.tenant_slug = ?1 AND d.state = 'sent'
         GROUP BY 1, 2`,
      )
      .bind(period.tenant, period.from, period.to),
    db
      .prepare(
        `SELECT local_date AS date, channel, SUM(count) AS messages, SUM(sms_segments) AS smsSegments FROM delivery_counts
         WHERE tenant_slug = ?1 AND local_date BETWEEN ?2 AND ?3 AND outcome = 'sent'
         GROUP BY 1, 2`,
      )
      .bind(period.tenant, period.from, period.to),
  ])
  const counts = new Map<string, CostCount>()
  for (const row of [...(live?.results ?? []), ...(stored?.results ?? [])]) {
    const key = `${row.date}|${row.channel}`
    const count = counts.get(key) ?? {
      date: row.date,
      tenant: period.tenant,
      channel: row.channel,
      messages: 0,
      smsSegments: 0,
    }
    count.messages += row.messages
    count.smsSegments += row.channel === 'sms' ? row.smsSegments : 0
    counts.set(key, count)
  }
  return [...counts.values()]
}
