import type { D1Database, D1PreparedStatement } from '@cloudflare/workers-types'
import { z } from 'zod'
import { programOf } from '../../shared/compose'
import { nextSendOn } from '../../shared/program'
import type { Env } from '../env'
import { residentShard } from '../shards/map'
import { loadActiveSnapshot, loadSnapshot } from '../snapshot/read'
import { loadDueSubscribers } from './due-subscribers'
import { settleDay } from './record'
import {
  type Context,
  composeAgain,
  type EndState,
  type FlaggedRow,
  type SendEnd,
  type Shard,
  sendComposed,
} from './resend'

export const decisions = ['was-sent', 'send-again'] as const
export type Decision = (typeof decisions)[number]

/** POST /ingest/tenants/{tenant}/flagged/{id}/resolve */
export const resolveRequest = z.object({
  decision: z.enum(decisions, {
    error: 'decision は was-sent か send-again / decision is was-sent or send-again',
  }),
  /** Who decided (a name or role), kept with the resolution. */
  actor: z
    .string()
    .trim()
    .min(1, { error: '担当者名が空です / actor is empty' })
    .max(100, { error: '担当者名は100文字まで / actor is at most 100 characters' })
    .optional(),
})
export type ResolveRequest = z.infer<typeof resolveRequest>

/** Where a decision left the delivery: sent, refused for good, or flagged again (still in doubt). */
export type Resolution =
  | { status: 'unknown-delivery' | 'not-flagged' }
  | {
      status: 'resolved'
      id: string
      decision: Decision
      state: 'sent' | 'failed-permanent' | 'flagged'
      error: string | null
    }

/**
 * The mark of a resend under way. The row stays `flagged` while it is sent again, so a Worker that
 * dies mid-send leaves it listed with this reason (it may have gone) instead of lost in `sending`;
 * another decision is refused while the mark is fresh.
 */
const resending =
  'needs-review: being sent again; if this stays, the resend was interrupted and may have gone out'
const resendingForMs = 10 * 60_000

/**
 * A person's decision about one flagged delivery. `was-sent`: they know it arrived — marked sent,
 * the resident's schedule moves on. `send-again`: they know it did not — composed again for its
 * day (marked late after that day) and sent once more through the tenant's adapter under a key of
 * its own (a provider that kept the first key would otherwise drop it). Taking the row is a
 * compare-and-set on its attempts and last change, so a decision sent twice, or two people at once,
 * sends once; a second answer is `not-flagged`. A resend in doubt again stays flagged.
 *
 * Everything is read and written in the tenant's shard (the content from main); while the tenant's
 * residents move this throws TenantMoving before touching anything.
 */
export async function resolveFlagged(env: Env, input: DecisionInput): Promise<Resolution> {
  const where = await residentShard(env, input.tenant)
  const { db } = where
  const row = await readFlagged(db, input)
  if (!row) return { status: 'unknown-delivery' }
  if (row.state !== 'flagged') return { status: 'not-flagged' }
  if (row.error === resending && input.now.getTime() - Date.parse(row.updatedAt) < resendingForMs)
    return { status: 'not-flagged' }
  // The content it was composed from, or what is live if that manifest is gone.
  const snapshot =
    (row.manifestId ? await loadSnapshot(env.DB, row.manifestId) : null) ?? (await loadActiveSnapshot(env.DB))
  const context: Context = { snapshot, tenant: snapshot?.tenants.get(input.tenant) ?? null }
  const record = resolutionOf(db, input, row)
  return input.decision === 'was-sent'
    ? markSent(db, input, row, context, record)
    : sendAgain(env, where, input, row, context, record)
}

interface DecisionInput {
  tenant: string
  id: string
  decision: Decision
  actor: string | null
  now: Date
}

/** The resolution row of a decision, given its outcome. */
type RecordResolution = (state: EndState, error: string | null) => D1PreparedStatement

function readFlagged(db: D1Database, input: DecisionInput): Promise<FlaggedRow | null> {
  return db
    .prepare(
      `SELECT id, idempotency_key AS idempotencyKey, subscriber_id AS subscriberId, local_date AS localDate,
              channel, manifest_id AS manifestId,
              state, attempts, error, updated_at AS updatedAt
       FROM deliveries WHERE id = ?1 AND tenant_slug = ?2 AND kind = 'program'`,
    )
    .bind(input.id, input.tenant)
    .first<FlaggedRow>()
}

// Recorded in the transaction that writes the decision's outcome, and only if it took the row.
function resolutionOf(db: D1Database, input: DecisionInput, row: FlaggedRow): RecordResolution {
  return (state, error) =>
    db
      .prepare(
        `INSERT INTO delivery_resolutions (delivery_id, tenant_slug, local_date, decision, outcome, actor, error, resolved_at)
         SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8 WHERE changes() = 1`,
      )
      .bind(
        row.id,
        input.tenant,
        row.localDate,
        input.decision,
        state,
        input.actor,
        error,
        input.now.toISOString(),
      )
}

/** `was-sent`: marked sent, and the resident's schedule moves on. */
async function markSent(
  db: D1Database,
  input: DecisionInput,
  row: FlaggedRow,
  context: Context,
  record: RecordResolution,
): Promise<Resolution> {
  const [taken] = await db.batch([
    db
      .prepare(
        `UPDATE deliveries SET state = 'sent', error = NULL, updated_at = ?3
         WHERE id = ?1 AND state = 'flagged' AND attempts = ?2 AND updated_at = ?4`,
      )
      .bind(row.id, row.attempts, input.now.toISOString(), row.updatedAt),
    record('sent', null),
  ])
  if (taken?.meta.changes !== 1) return { status: 'not-flagged' }
  await settle(db, input, row, context, { state: 'sent' })
  return { status: 'resolved', id: row.id, decision: 'was-sent', state: 'sent', error: null }
}

/** `send-again`: the row taken under the resending mark, composed again, sent, its outcome written. */
async function sendAgain(
  env: Env,
  where: Shard,
  input: DecisionInput,
  row: FlaggedRow,
  context: Context,
  record: RecordResolution,
): Promise<Resolution> {
  const { db } = where
  const claimed = await db
    .prepare(
      `UPDATE deliveries SET attempts = attempts + 1, error = ?4, updated_at = ?3
       WHERE id = ?1 AND state = 'flagged' AND attempts = ?2 AND updated_at = ?5 RETURNING attempts`,
    )
    .bind(row.id, row.attempts, input.now.toISOString(), resending, row.updatedAt)
    .first<{ attempts: number }>()
  if (!claimed) return { status: 'not-flagged' }
  const attempt = claimed.attempts
  const composed = await composeAgain(env, where, input, row, context)
  const { state, error, providerMessageId }: SendEnd = composed.ok
    ? await sendComposed(env, db, input, row, attempt, composed.message)
    : composed.final
      ? { state: 'failed-permanent', error: composed.reason }
      : { state: 'flagged', error: `needs-review: send again: ${composed.reason}` }
  await db.batch([
    db
      .prepare(
        `UPDATE deliveries SET state = ?3, provider_message_id = coalesce(?4, provider_message_id), error = ?5,
                               updated_at = ?6
         WHERE id = ?1 AND attempts = ?2 AND state = 'flagged'`,
      )
      .bind(row.id, attempt, state, providerMessageId ?? null, error, input.now.toISOString()),
    record(state, error),
  ])
  // A failed day only for the provider's refusal, not for a resident who left meanwhile.
  if (state === 'sent') await settle(db, input, row, context, { state: 'sent' })
  else if (state === 'failed-permanent')
    await settle(db, input, row, context, {
      state: 'failed-permanent',
      ...(composed.ok ? { failedDay: error ?? 'refused by the provider' } : {}),
    })
  return { status: 'resolved', id: row.id, decision: 'send-again', state, error }
}

/** The day is over for this resident: their schedule moves on and the run's counts follow the decision. */
async function settle(
  db: D1Database,
  input: { tenant: string; now: Date },
  row: FlaggedRow,
  { tenant }: Context,
  end: { state: 'sent' | 'failed-permanent'; failedDay?: string },
): Promise<void> {
  const [dueSubscriber] = tenant
    ? await loadDueSubscribers(db, {
        tenant: input.tenant,
        ids: [row.subscriberId],
        timeZone: tenant.tenant.timeZone,
        localDate: row.localDate,
        anyState: true,
      })
    : []
  const sent = end.state === 'sent'
  await settleDay(db, {
    tenant: input.tenant,
    localDate: row.localDate,
    // settleDay never moves next_send_on backwards: after a later run this changes nothing.
    advances:
      dueSubscriber && tenant
        ? [
            {
              subscriberId: row.subscriberId,
              nextSendOn: nextSendOn(dueSubscriber.timelines, row.localDate, programOf(tenant.tenant)),
            },
          ]
        : [],
    failed: end.failedDay ? [{ subscriberId: row.subscriberId, error: end.failedDay }] : [],
    succeeded: sent ? [row.subscriberId] : [],
    counts: { sent: sent ? 1 : 0, failed: sent ? 0 : 1, flagged: -1 },
    now: input.now,
  })
}
