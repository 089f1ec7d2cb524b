import type { D1Database } from '@cloudflare/workers-types'
import { tokenHash } from '../../shared/links'
import type { Env } from '../env'
import { distinctNurses, type ShownNurse } from '../resident/nurses'
import { isPageDelivery, type PageDelivery } from '../resident/page-delivery'
import { isBound, shardDatabase } from '../shards/databases'
import { readLinkSegment } from '../shards/links'
import { offerColumns, type RecordedOffer } from '../surveys/recorded-offer'
import type { RecordedTaskOffer } from '../tasks/recorded-offer'
import { type SubscriberRow, subscribersFrom, type TimelineRow } from './due-subscribers'

/**
 * Everything a message page reads from the resident's shard, found by the page token's hash: the
 * delivery, its resident and their timelines, the survey and task lines it carried, the family's
 * nurses. Rows, not yet shaped: the resident's timelines need the town's time zone, which is in
 * the snapshot.
 */
export interface PageRecord {
  shard: number
  db: D1Database
  delivery: PageDelivery
  subscribers: SubscriberRow[]
  timelines: TimelineRow[]
  offer: RecordedOffer | null
  taskOffer: RecordedTaskOffer | null
  nurses: ShownNurse[]
}

// Every statement names the delivery through the token hash (?1), so one batch — one round trip to
// the shard instead of eight — reads the whole page; the page was the slowest route per request.
const delivery = `(SELECT d.id FROM deliveries d WHERE ${isPageDelivery('d', '?1')})`

const statements = [
  'SELECT shard FROM link_forwards WHERE token_hash = ?1',
  `SELECT d.id, d.idempotency_key AS idempotencyKey, d.subscriber_id AS subscriberId, d.tenant_slug AS tenantSlug,
          d.local_date AS localDate, d.manifest_id AS manifestId, d.slots
   FROM deliveries d WHERE ${isPageDelivery('d', '?1')}`,
  `SELECT s.id, s.nickname, s.audience, s.language, s.channel, s.address, s.next_send_on AS nextSendOn,
          s.manage_generation AS manageGeneration, s.created_at AS createdAt
   FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id AND s.tenant_slug = d.tenant_slug
   WHERE ${isPageDelivery('d', '?1')}`,
  `SELECT m.subscriber_id AS subscriberId, t.due_date AS dueDate, t.birth_date AS birthDate,
          t.birth_reported_on AS birthReportedOn, t.loss_date AS lossDate, t.loss_reported_on AS lossReportedOn,
          t.ended_on AS endedOn, t.created_at AS createdAt
   FROM deliveries d JOIN timeline_members m ON m.subscriber_id = d.subscriber_id
   JOIN timelines t ON t.id = m.timeline_id
   WHERE ${isPageDelivery('d', '?1')} ORDER BY t.created_at, t.id`,
  `SELECT ${offerColumns('d')} FROM deliveries d WHERE ${isPageDelivery('d', '?1')} AND d.survey_id IS NOT NULL`,
  `SELECT delivery_id AS deliveryId, subscriber_id AS subscriberId, tenant_slug AS tenantSlug,
          task_id AS taskId, task_version AS taskVersion, reminder, local_date AS localDate
   FROM task_offers WHERE delivery_id = ${delivery}`,
  `SELECT n.nurse_user AS user, n.nurse_name AS name, n.nurse_contact AS contact, n.nurse_email AS email
   FROM deliveries d
   JOIN timeline_members m ON m.subscriber_id = d.subscriber_id
   JOIN household_nurses n ON n.household_id = m.timeline_id
   JOIN subscribers s ON s.id = m.subscriber_id AND s.tenant_slug = n.tenant_slug
   WHERE ${isPageDelivery('d', '?1')}
   ORDER BY n.assigned_at DESC, n.household_id`,
]

type Row = Record<string, unknown>

/**
 * The page a /m/ segment names, read in the shard its prefix names (a bare token: shard 1). After a
 * move the old shard forwards the token (link_forwards): the page is read again where it points.
 * Null for a link we never gave out.
 */
export async function readPageRecord(env: Env, segment: string): Promise<PageRecord | null> {
  const named = readLinkSegment(segment)
  if (!named || !isBound(env, named.shard)) return null
  const hash = await tokenHash(named.token)
  let shard = named.shard
  // As openLink: at most four forwards are followed.
  for (let hop = 0; hop <= 4; hop++) {
    const db = shardDatabase(env, shard)
    const [forwards, deliveries, subscribers, timelines, offers, taskOffers, nurses] = await db.batch<Row>(
      statements.map((sql) => db.prepare(sql).bind(hash)),
    )
    const forward = forwards?.results[0]?.shard as number | undefined
    if (hop < 4 && forward !== undefined && forward !== shard && isBound(env, forward)) {
      shard = forward
      continue
    }
    const found = deliveries?.results[0] as PageDelivery | undefined
    if (!found) return null
    return {
      shard,
      db,
      delivery: found,
      subscribers: (subscribers?.results ?? []) as unknown as SubscriberRow[],
      timelines: (timelines?.results ?? []) as unknown as TimelineRow[],
      offer: (offers?.results[0] as RecordedOffer | undefined) ?? null,
      taskOffer: (taskOffers?.results[0] as RecordedTaskOffer | undefined) ?? null,
      nurses: distinctNurses((nurses?.results ?? []) as unknown as ShownNurse[]),
    }
  }
  return null
}

/** The resident as the page composes for them, their timelines as known on the delivery's day. */
export const pageSubscriber = (record: PageRecord, timeZone: string) =>
  subscribersFrom(record.subscribers, record.timelines, { timeZone, localDate: record.delivery.localDate })[0]
