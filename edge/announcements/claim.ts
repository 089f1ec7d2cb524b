import type { D1Database } from '@cloudflare/workers-types'
import type { ClaimedSend } from '../channels/send-claimed'
import type { AnnouncementRequest } from './message'

export interface AnnouncementClaims {
  /** The deliveries this consumer took (→ sending), to send now. */
  toSend: ClaimedSend<AnnouncementRequest>[]
  /** Deliveries another consumer is sending right now: the batch is retried. */
  deferred: number
  /** Deliveries flagged now: left in doubt on a channel without idempotency keys. */
  flagged: number
}

interface Row {
  id: string
  state: string
  attempts: number
  updatedAt: string
}

/**
 * Each delivery claimed before anything is sent: inserted `claimed` if it is not there (the unique
 * announcement × subscriber keeps one a resident), then taken by one conditional update on its
 * state and attempts: claimed, failed-transient, or a stale sending / unknown → sending with
 * attempts + 1. A stale sending or unknown one on a channel without idempotency keys may have
 * gone out: it is flagged for a person instead. Ended deliveries are left alone.
 */
export async function claimAnnouncement(
  db: D1Database,
  input: {
    tenant: string
    announcementId: string
    manifestId: string
    localDate: string
    requests: readonly (AnnouncementRequest & { idempotent: boolean })[]
    now: Date
    staleAfterSeconds: number
  },
): Promise<AnnouncementClaims> {
  const claims: AnnouncementClaims = { toSend: [], deferred: 0, flagged: 0 }
  if (input.requests.length === 0) return claims
  const now = input.now.toISOString()
  const keys = JSON.stringify(input.requests.map((r) => r.key))
  const [, found] = await db.batch<Row>([
    db
      .prepare(
        `INSERT INTO deliveries (id, subscriber_id, tenant_slug, local_date, kind, announcement_id, manifest_id, slots,
                                 channel, state, idempotency_key, attempts, sms_segments, page_token_hash, created_at, updated_at)
         SELECT value ->> 0, value ->> 1, ?2, ?3, 'announcement', ?4, ?5, '[]', value ->> 2, 'claimed', value ->> 0, 0,
                value ->> 3, value ->> 4, ?6, ?6
         FROM json_each(?1) WHERE true
         ON CONFLICT DO NOTHING`,
      )
      .bind(
        JSON.stringify(
          input.requests.map((r) => [
            r.key,
            r.subscriberId,
            r.message.channel,
            r.smsSegments,
            r.pageTokenHash,
          ]),
        ),
        input.tenant,
        input.localDate,
        input.announcementId,
        input.manifestId,
        now,
      ),
    db
      .prepare(
        `SELECT id, state, attempts, updated_at AS updatedAt FROM deliveries WHERE id IN (SELECT value FROM json_each(?1))`,
      )
      .bind(keys),
  ])
  const rows = new Map(((found?.results ?? []) as Row[]).map((row) => [row.id, row]))
  const staleBefore = new Date(input.now.getTime() - input.staleAfterSeconds * 1000).toISOString()
  const takes: [string, string, number, string, string | null][] = []
  for (const r of input.requests) {
    const row = rows.get(r.key)
    if (!row || ['sent', 'failed-permanent', 'flagged'].includes(row.state)) continue
    if (row.state === 'sending' && row.updatedAt > staleBefore) {
      claims.deferred++
      continue
    }
    const mayHaveGone = row.state === 'sending' || row.state === 'unknown'
    if (mayHaveGone && !r.idempotent)
      takes.push([
        r.key,
        row.state,
        row.attempts,
        'flagged',
        'needs-review: may have been sent; this channel has no idempotency key',
      ])
    else takes.push([r.key, row.state, row.attempts, 'sending', null])
  }
  if (takes.length === 0) return claims
  const { results } = await db
    .prepare(
      `UPDATE deliveries SET state = j.value ->> 3, attempts = deliveries.attempts + 1, error = j.value ->> 4,
                             updated_at = ?2
       FROM json_each(?1) AS j
       WHERE deliveries.id = j.value ->> 0 AND deliveries.state = j.value ->> 1 AND deliveries.attempts = j.value ->> 2
       RETURNING deliveries.id AS id, deliveries.state AS state, deliveries.attempts AS attempts`,
    )
    .bind(JSON.stringify(takes), now)
    .all<{ id: string; state: string; attempts: number }>()
  const taken = new Map(results.map((row) => [row.id, row]))
  const byKey = new Map(input.requests.map((r) => [r.key, r]))
  for (const [key] of takes) {
    const row = taken.get(key)
    if (!row) claims.deferred++
    else if (row.state === 'flagged') claims.flagged++
    else claims.toSend.push({ request: byKey.get(key)!, attempt: row.attempts })
  }
  return claims
}
