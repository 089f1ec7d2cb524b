import type { D1Database, D1PreparedStatement } from '@cloudflare/workers-types'
import type { Household } from './spread'

// Bulk inserts: each statement takes its rows as ONE bound JSON array (D1 allows at most 100
// bound parameters and 100 KB of SQL per statement) and unpacks it with json_each. OR IGNORE
// makes a rerun with the same residents a no-op.

const subscribersSql = `INSERT OR IGNORE INTO subscribers
  (id, tenant_slug, nickname, audience, language, channel, address, address_verified_at, state,
   next_send_on, created_at, updated_at)
  SELECT value->>0, value->>1, value->>2, value->>3, value->>4, value->>5, value->>6, value->>7,
         'active', value->>8, value->>7, value->>7
  FROM json_each(?1)`

const timelinesSql = `INSERT OR IGNORE INTO timelines
  (id, tenant_slug, due_date, birth_date, birth_reported_on, loss_date, loss_reported_on, created_at, updated_at)
  SELECT value->>0, value->>1, value->>2, value->>3, value->>3, value->>4, value->>4, ?2, ?2
  FROM json_each(?1)`

const membersSql = `INSERT OR IGNORE INTO timeline_members (timeline_id, subscriber_id)
  SELECT value->>0, value->>1 FROM json_each(?1)`

// Synthetic consent: no IP was seen, so no hash.
const consentsSql = `INSERT OR IGNORE INTO consents (subscriber_id, tenant_slug, notice_version, method, given_at)
  SELECT value->>0, value->>1, value->>2, value->>3, value->>4 FROM json_each(?1)`

/** The four statements that write `households`, to run in one batch (one transaction). */
export function insertStatements(db: D1Database, households: readonly Household[]): D1PreparedStatement[] {
  const subscribers = households.flatMap((h) => h.subscribers)
  const timelines = households.flatMap((h) => h.timelines)
  const createdAt = subscribers[0]?.createdAt ?? new Date().toISOString()
  return [
    db
      .prepare(timelinesSql)
      .bind(JSON.stringify(timelines.map((t) => [t.id, t.tenant, t.due, t.birth, t.loss])), createdAt),
    db
      .prepare(subscribersSql)
      .bind(
        JSON.stringify(
          subscribers.map((s) => [
            s.id,
            s.tenant,
            s.nickname,
            s.audience,
            s.language,
            s.channel,
            s.address,
            s.createdAt,
            s.nextSendOn,
          ]),
        ),
      ),
    db
      .prepare(membersSql)
      .bind(JSON.stringify(subscribers.flatMap((s) => s.timelines.map((t) => [t, s.id])))),
    db
      .prepare(consentsSql)
      .bind(
        JSON.stringify(
          subscribers.map((s) => [s.id, s.tenant, s.noticeVersion, `synthetic/${s.channel}`, s.createdAt]),
        ),
      ),
  ]
}
