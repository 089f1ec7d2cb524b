import type { D1Database } from '@cloudflare/workers-types'
import type { Channel } from '../../shared/contract'

export interface ClaimRequest {
  key: string
  pageTokenHash: string
  subscriberId: string
  channel: Channel
  slots: string[]
  smsSegments: number | null
  /** The day this delivery is for, when not the batch's (a missed day's slot sent late). */
  localDate?: string
}

/**
 * send: this consumer holds the delivery in `sending` at `attempt`. done: it already ended today
 * (sent, refused, or flagged). defer: another consumer is sending it right now. flagged: it was
 * left in `sending` (or unknown) on a channel without idempotency keys — a person decides.
 */
export type Claim =
  | { key: string; action: 'send'; attempt: number }
  | { key: string; action: 'done' | 'defer' | 'flagged' }

interface ExistingRow {
  id: string
  state: string
  attempts: number
  updatedAt: string
}

/**
 * Claims each delivery before anything is sent: the row is inserted as `sending`, or, if it
 * exists, taken over only by a compare-and-set on its state and attempt count, so two consumers
 * holding the same subscriber (a redelivered or re-enqueued batch) never both send.
 */
export async function claimDeliveries(
  db: D1Database,
  input: {
    tenant: string
    localDate: string
    manifestId: string
    requests: readonly ClaimRequest[]
    idempotent: (channel: Channel) => boolean
    now: Date
    staleAfterSeconds: number
  },
): Promise<Claim[]> {
  if (input.requests.length === 0) return []
  const now = input.now.toISOString()
  const insert = db.prepare(
    `INSERT INTO deliveries (id, subscriber_id, tenant_slug, local_date, kind, manifest_id, slots, channel, state,
                             idempotency_key, attempts, sms_segments, page_token_hash, created_at, updated_at)
     VALUES (?1, ?2, ?3, ?4, 'program', ?5, ?6, ?7, 'sending', ?1, 1, ?8, ?10, ?9, ?9)
     ON CONFLICT DO NOTHING`,
  )
  const inserted = await db.batch(
    input.requests.map((r) =>
      insert.bind(
        r.key,
        r.subscriberId,
        input.tenant,
        r.localDate ?? input.localDate,
        input.manifestId,
        JSON.stringify(r.slots),
        r.channel,
        r.smsSegments,
        now,
        r.pageTokenHash,
      ),
    ),
  )
  const claims: Claim[] = []
  const contested: ClaimRequest[] = []
  input.requests.forEach((r, i) => {
    if (inserted[i]?.meta.changes === 1) claims.push({ key: r.key, action: 'send', attempt: 1 })
    else contested.push(r)
  })
  if (contested.length === 0) return claims

  const { results } = await db
    .prepare(
      `SELECT id, state, attempts, updated_at AS updatedAt FROM deliveries
       WHERE id IN (SELECT value FROM json_each(?1))`,
    )
    .bind(JSON.stringify(contested.map((r) => r.key)))
    .all<ExistingRow>()
  const rows = new Map(results.map((row) => [row.id, row]))
  const staleBefore = new Date(input.now.getTime() - input.staleAfterSeconds * 1000).toISOString()
  const takeOver = db.prepare(
    `UPDATE deliveries SET state = ?4, attempts = attempts + 1, error = ?5, updated_at = ?6
     WHERE id = ?1 AND state = ?2 AND attempts = ?3`,
  )
  const steps: { key: string; next: 'send' | 'flagged'; attempt: number }[] = []
  for (const r of contested) {
    const row = rows.get(r.key)
    if (!row || ['sent', 'failed-permanent', 'flagged'].includes(row.state)) {
      claims.push({ key: r.key, action: 'done' })
      continue
    }
    const inFlight = row.state === 'sending' || row.state === 'claimed'
    if (inFlight && row.updatedAt > staleBefore) {
      claims.push({ key: r.key, action: 'defer' })
      continue
    }
    // failed-transient: the provider answered that it did not take the message, so sending
    // again cannot double it. sending (stale) or unknown: it may have gone out.
    const mayHaveGone = row.state !== 'failed-transient'
    const next = mayHaveGone && !input.idempotent(r.channel) ? 'flagged' : 'send'
    steps.push({ key: r.key, next, attempt: row.attempts + 1 })
  }
  if (steps.length === 0) return claims
  const taken = await db.batch(
    steps.map((s) => {
      const row = rows.get(s.key)!
      const state = s.next === 'send' ? 'sending' : 'flagged'
      const error =
        s.next === 'flagged' ? 'needs-review: may have been sent; this channel has no idempotency key' : null
      return takeOver.bind(s.key, row.state, row.attempts, state, error, now)
    }),
  )
  steps.forEach((s, i) => {
    if (taken[i]?.meta.changes !== 1) claims.push({ key: s.key, action: 'defer' })
    else if (s.next === 'send') claims.push({ key: s.key, action: 'send', attempt: s.attempt })
    else claims.push({ key: s.key, action: 'flagged' })
  })
  return claims
}
