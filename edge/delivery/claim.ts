import type { D1Database, D1PreparedStatement } from '@cloudflare/workers-types'
import type { Channel } from '../../shared/contract'
import type { SurveyLine } from '../../shared/surveys'
import { valuesChunks } from '../db/values'

export interface ClaimRequest {
  /** The delivery's id: its message page token's hash (links.ts). */
  key: string
  /** The provider's key for it (channels/key.ts deliveryKey). */
  idempotencyKey: string
  subscriberId: string
  channel: Channel
  slots: string[]
  smsSegments: number | null
  /** The day this delivery is for, when not the batch's (a missed day's slot sent late). */
  localDate?: string
  /** The survey line it carries, recorded on its row so the link works the moment it arrives. */
  survey?: { line: SurveyLine } | null
}

/**
 * send: this consumer holds the delivery in `sending` at `attempt`. done: it already ended today
 * (sent, refused, or flagged). defer: another consumer is sending it right now. flagged: it was
 * left in `sending` (or unknown) on a channel without idempotency keys — a person decides.
 * `key` is the request's; `id` the row's, which differs when the day's row was made under another
 * LINK_SECRET (its outcome is written under `id`).
 */
export type Claim =
  | { key: string; id: string; action: 'send'; attempt: number }
  | { key: string; id: string; action: 'done' | 'defer' | 'flagged' }

interface ExistingRow {
  id: string
  subscriberId: string
  localDate: string
  state: string
  attempts: number
  updatedAt: string
  claim: string | null
}

interface ClaimInput {
  tenant: string
  localDate: string
  manifestId: string
  requests: readonly ClaimRequest[]
  idempotent: (channel: Channel) => boolean
  now: Date
  staleAfterSeconds: number
}

/** A contested delivery this consumer tries to take over, and as what. */
interface TakeOver {
  key: string
  /** The row's id: the request's key unless the row was made under another LINK_SECRET. */
  id: string
  next: 'send' | 'flagged'
  attempt: number
}

/** A program delivery is one a subscriber a day: the request and the row meet on that, not on the id. */
const dayOf = (subscriberId: string, localDate: string) => `${subscriberId}|${localDate}`

/**
 * Claims each delivery before anything is sent: the row is inserted as `sending`, or, if it
 * exists, taken over only by a compare-and-set on its state and attempt count, so two consumers
 * holding the same subscriber (a redelivered or re-enqueued batch) never both send.
 */
export async function claimDeliveries(db: D1Database, input: ClaimInput): Promise<Claim[]> {
  if (input.requests.length === 0) return []
  const now = input.now.toISOString()
  const mark = crypto.randomUUID()
  const insertedAll = await insertSending(db, input, now, mark)
  if (insertedAll) return input.requests.map((r) => ({ key: r.key, id: r.key, action: 'send', attempt: 1 }))

  // Some rows were there already (a redelivered or re-enqueued batch): the mark tells this
  // statement's rows from the others, read in the same pass as the state of those.
  const rows = await existingRows(db, input)
  const claims: Claim[] = []
  const contested: ClaimRequest[] = []
  const inserted = new Set([...rows.values()].filter((row) => row.claim === mark).map((row) => row.id))
  for (const r of input.requests) {
    // The same key twice in one batch: only the first holds the row, the other finds it taken.
    if (inserted.delete(r.key)) claims.push({ key: r.key, id: r.key, action: 'send', attempt: 1 })
    else contested.push(r)
  }
  if (contested.length === 0) return claims

  const decided = decide(contested, rows, input)
  claims.push(...decided.claims)
  if (decided.takeOvers.length === 0) return claims
  const taken = await takeOver(db, decided.takeOvers, rows, now, mark)
  for (const s of decided.takeOvers) {
    const { key, id } = s
    if (!taken.delete(id)) claims.push({ key, id, action: 'defer' })
    else if (s.next === 'send') claims.push({ key, id, action: 'send', attempt: s.attempt })
    else claims.push({ key, id, action: 'flagged' })
  }
  return claims
}

/**
 * The requests inserted as `sending` in one statement, each row marked with `mark`; true when
 * every request was inserted (the usual day), told by the count of changes, so no row is read back.
 */
async function insertSending(db: D1Database, input: ClaimInput, now: string, mark: string): Promise<boolean> {
  const rows = insertRows(
    db,
    { ...input, now, mark },
    input.requests.map((request) => ({ request, state: 'sending' })),
  )
  const written = await db.batch(rows.map((r) => r.statement))
  return written.reduce((sum, result) => sum + (result.meta.changes ?? 0), 0) === input.requests.length
}

/** A program delivery row as it is first written: `sending` when claimed, or its outcome when sent unclaimed. */
export interface NewRow {
  request: ClaimRequest
  state: string
  providerMessageId?: string | null
  error?: string | null
}

/**
 * The statements inserting program delivery rows (one per VALUES chunk), each row marked with
 * `mark`; a row of the day there already (whatever its id) is left alone by the conflict on
 * deliveries_subscriber_day. No page_token_hash: the id is the page's.
 */
export function insertRows(
  db: D1Database,
  input: { tenant: string; localDate: string; manifestId: string; now: string; mark: string },
  rows: readonly NewRow[],
  options: { returning?: boolean } = {},
): { statement: D1PreparedStatement; rows: number }[] {
  const values = rows.map(({ request: r, state, providerMessageId, error }) => [
    r.key,
    r.subscriberId,
    r.localDate ?? input.localDate,
    JSON.stringify(r.slots),
    r.channel,
    r.smsSegments,
    r.idempotencyKey,
    r.survey?.line.survey.id ?? null,
    r.survey?.line.survey.version ?? null,
    r.survey?.line.reminder ?? null,
    state,
    providerMessageId ?? null,
    error ?? null,
  ])
  return valuesChunks(values, 4).map((chunk) => ({
    rows: chunk.parameters.length,
    statement: db
      .prepare(
        `INSERT INTO deliveries (id, subscriber_id, tenant_slug, local_date, kind, manifest_id, slots, channel, state,
                                 idempotency_key, attempts, sms_segments, claim, created_at, updated_at,
                                 survey_id, survey_version, survey_reminder, provider_message_id, error)
         SELECT column1 ->> 0, column1 ->> 1, ?1, column1 ->> 2, 'program', ?2, column1 ->> 3, column1 ->> 4, column1 ->> 10,
                column1 ->> 6, 1, column1 ->> 5, ?4, ?3, ?3, column1 ->> 7, column1 ->> 8, column1 ->> 9,
                column1 ->> 11, column1 ->> 12
         FROM (VALUES ${chunk.sql}) WHERE true
         ON CONFLICT DO NOTHING${options.returning ? ' RETURNING id' : ''}`,
      )
      .bind(input.tenant, input.manifestId, input.now, input.mark, ...chunk.parameters),
  }))
}

/**
 * The program rows of the requests' days, by subscriber and day (dayOf) — found through
 * deliveries_subscriber_day, not by id: a row made under the LINK_SECRET before a rotation has
 * another id than the request, and is still the day's one delivery.
 */
async function existingRows(db: D1Database, input: ClaimInput): Promise<Map<string, ExistingRow>> {
  const days = new Map(input.requests.map((r) => [dayOf(r.subscriberId, r.localDate ?? input.localDate), r]))
  const { results } = await db
    .prepare(
      `SELECT d.id, d.subscriber_id AS subscriberId, d.local_date AS localDate, d.state, d.attempts,
              d.updated_at AS updatedAt, d.claim
       FROM json_each(?1) j CROSS JOIN deliveries d
         ON d.subscriber_id = j.value ->> 0 AND d.local_date = j.value ->> 1 AND d.kind = 'program'`,
    )
    .bind(JSON.stringify([...days.values()].map((r) => [r.subscriberId, r.localDate ?? input.localDate])))
    .all<ExistingRow>()
  return new Map(results.map((row) => [dayOf(row.subscriberId, row.localDate), row]))
}

/** For each contested delivery: over already, in flight elsewhere, or one to take over. */
function decide(
  contested: readonly ClaimRequest[],
  rows: ReadonlyMap<string, ExistingRow>,
  input: ClaimInput,
): { claims: Claim[]; takeOvers: TakeOver[] } {
  const staleBefore = new Date(input.now.getTime() - input.staleAfterSeconds * 1000).toISOString()
  const claims: Claim[] = []
  const takeOvers: TakeOver[] = []
  for (const r of contested) {
    const row = rows.get(dayOf(r.subscriberId, r.localDate ?? input.localDate))
    if (!row || ['sent', 'failed-permanent', 'flagged'].includes(row.state)) {
      claims.push({ key: r.key, id: row?.id ?? r.key, action: 'done' })
      continue
    }
    const inFlight = row.state === 'sending' || row.state === 'claimed'
    if (inFlight && row.updatedAt > staleBefore) {
      claims.push({ key: r.key, id: row.id, action: 'defer' })
      continue
    }
    // failed-transient: the provider answered that it did not take the message, so sending
    // again cannot double it. sending (stale) or unknown: it may have gone out.
    const mayHaveGone = row.state !== 'failed-transient'
    const next = mayHaveGone && !input.idempotent(r.channel) ? 'flagged' : 'send'
    takeOvers.push({ key: r.key, id: row.id, next, attempt: row.attempts + 1 })
  }
  return { claims, takeOvers }
}

/**
 * The compare-and-set on each row's state and attempts, in one statement; returns the row ids taken.
 * A row made under another LINK_SECRET keeps its id (its children and the links sent before point
 * at it) and takes the new page token's hash in page_token_hash: the message sent now links it.
 */
async function takeOver(
  db: D1Database,
  takeOvers: readonly TakeOver[],
  rows: ReadonlyMap<string, ExistingRow>,
  now: string,
  mark: string,
): Promise<Set<string>> {
  const byId = new Map([...rows.values()].map((row) => [row.id, row]))
  const { results } = await db
    .prepare(
      `UPDATE deliveries SET state = j.value ->> 3, attempts = deliveries.attempts + 1, error = j.value ->> 4,
                             page_token_hash = coalesce(j.value ->> 5, deliveries.page_token_hash),
                             claim = ?3, updated_at = ?2
       FROM json_each(?1) AS j
       WHERE deliveries.id = j.value ->> 0 AND deliveries.state = j.value ->> 1 AND deliveries.attempts = j.value ->> 2
       RETURNING id`,
    )
    .bind(
      JSON.stringify(
        takeOvers.map((s) => {
          const row = byId.get(s.id)!
          const pageTokenHash = s.id === s.key ? null : s.key
          return s.next === 'send'
            ? [s.id, row.state, row.attempts, 'sending', null, pageTokenHash]
            : [
                s.id,
                row.state,
                row.attempts,
                'flagged',
                'needs-review: may have been sent; this channel has no idempotency key',
                pageTokenHash,
              ]
        }),
      ),
      now,
      mark,
    )
    .all<{ id: string }>()
  return new Set(results.map((row) => row.id))
}
