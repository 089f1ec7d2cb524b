import type { D1Database, D1PreparedStatement } from '@cloudflare/workers-types'
import { z } from 'zod'
import { localDate } from '../../shared/calendar'
import { indexMessages, programOf } from '../../shared/compose'
import type { Channel, TenantPart } from '../../shared/contract'
import { nextSendOn, planDay } from '../../shared/program'
import type { ComposedMessage } from '../channels/adapter'
import { nameKey } from '../channels/key'
import { sendTransactional } from '../channels/transactional'
import type { Env } from '../env'
import { requireLinkSecret } from '../resident/link-tokens'
import { suppressAddress } from '../resident/suppression'
import { type LoadedSnapshot, loadActiveSnapshot, loadSnapshot } from '../snapshot/read'
import { renderLate } from './late-label'
import { deliveryLinks, storeStandingLinks } from './links'
import { loadRecipients } from './recipients'
import { settleDay } from './record'
import { renderDelivery } from './render'

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

interface FlaggedRow {
  id: string
  subscriberId: string
  localDate: string
  channel: Channel
  manifestId: string | null
  state: string
  attempts: number
  error: string | null
  updatedAt: string
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
 */
export async function resolveFlagged(env: Env, input: DecisionInput): Promise<Resolution> {
  const db = env.DB
  const row = await readFlagged(db, input)
  if (!row) return { status: 'unknown-delivery' }
  if (row.state !== 'flagged') return { status: 'not-flagged' }
  if (row.error === resending && input.now.getTime() - Date.parse(row.updatedAt) < resendingForMs)
    return { status: 'not-flagged' }
  // The content it was composed from, or what is live if that manifest is gone.
  const snapshot =
    (row.manifestId ? await loadSnapshot(db, row.manifestId) : null) ?? (await loadActiveSnapshot(db))
  const context: Context = { snapshot, tenant: snapshot?.tenants.get(input.tenant) ?? null }
  const record = resolutionOf(db, input, row)
  return input.decision === 'was-sent'
    ? markSent(db, input, row, context, record)
    : sendAgain(env, input, row, context, record)
}

interface DecisionInput {
  tenant: string
  id: string
  decision: Decision
  actor: string | null
  now: Date
}

type EndState = 'sent' | 'failed-permanent' | 'flagged'

/** The resolution row of a decision, given its outcome. */
type RecordResolution = (state: EndState, error: string | null) => D1PreparedStatement

function readFlagged(db: D1Database, input: DecisionInput): Promise<FlaggedRow | null> {
  return db
    .prepare(
      `SELECT id, subscriber_id AS subscriberId, local_date AS localDate, channel, manifest_id AS manifestId,
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
  input: DecisionInput,
  row: FlaggedRow,
  context: Context,
  record: RecordResolution,
): Promise<Resolution> {
  const db = env.DB
  const claimed = await db
    .prepare(
      `UPDATE deliveries SET attempts = attempts + 1, error = ?4, updated_at = ?3
       WHERE id = ?1 AND state = 'flagged' AND attempts = ?2 AND updated_at = ?5 RETURNING attempts`,
    )
    .bind(row.id, row.attempts, input.now.toISOString(), resending, row.updatedAt)
    .first<{ attempts: number }>()
  if (!claimed) return { status: 'not-flagged' }
  const attempt = claimed.attempts
  const composed = await composeAgain(env, input, row, context)
  const { state, error, providerMessageId }: SendEnd = composed.ok
    ? await sendComposed(env, input, row, attempt, composed.message)
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

interface SendEnd {
  state: EndState
  error: string | null
  providerMessageId?: string
}

/** The resend through the tenant's adapter; an address refused for good is suppressed at once. */
async function sendComposed(
  env: Env,
  input: DecisionInput,
  row: FlaggedRow,
  attempt: number,
  message: ComposedMessage,
): Promise<SendEnd> {
  const result = await sendTransactional(env, message)
  const { providerMessageId } = result
  if (result.outcome === 'sent') return { state: 'sent', error: null, providerMessageId }
  if (result.outcome === 'failed-permanent') {
    if (result.suppress)
      await suppressAddress(env.DB, {
        tenant: input.tenant,
        channel: row.channel,
        address: message.to,
        reason: result.suppress,
        eventId: `send:${row.id}:${attempt}`,
        now: input.now,
      })
    const error = `send again: ${result.error ?? 'refused by the provider'}`
    return { state: 'failed-permanent', error, providerMessageId }
  }
  // Not taken, or perhaps taken: a person looks again rather than the edge guessing.
  return {
    state: 'flagged',
    error: `needs-review: send again: ${result.error ?? result.outcome}`,
    providerMessageId,
  }
}

interface Context {
  snapshot: LoadedSnapshot | null
  tenant: TenantPart | null
}

type Composed =
  | { ok: true; message: ComposedMessage }
  /** final: nothing can be sent for this day any more (the resident stopped, the day holds no message). */
  | { ok: false; final: boolean; reason: string }

async function composeAgain(
  env: Env,
  input: { tenant: string; now: Date },
  row: FlaggedRow,
  { snapshot, tenant }: Context,
): Promise<Composed> {
  const db = env.DB
  if (!snapshot || !tenant) return { ok: false, final: false, reason: 'the tenant is not in the snapshot' }
  // Only someone still receiving messages: a resident who stopped or was paused since gets nothing.
  const [recipient] = await loadRecipients(db, {
    tenant: input.tenant,
    ids: [row.subscriberId],
    timeZone: tenant.tenant.timeZone,
    localDate: row.localDate,
  })
  if (!recipient)
    return { ok: false, final: true, reason: 'send again: the resident no longer receives messages' }
  const plan = planDay(recipient.timelines, row.localDate, programOf(tenant.tenant))
  if (!plan) return { ok: false, final: true, reason: 'send again: that day holds no message any more' }
  const linkSecret = requireLinkSecret(env.LINK_SECRET)
  // The same links as the first time: the message page is the delivery's own.
  const { links, pageTokenHash } = await deliveryLinks(
    env.PUBLIC_ORIGIN ?? '',
    linkSecret,
    recipient.id,
    row.id,
  )
  // After its day, labelled late for that day.
  const render = row.localDate < localDate(input.now, tenant.tenant.timeZone) ? renderLate : renderDelivery
  const rendered = render({
    tenant,
    index: indexMessages(snapshot.national),
    recipient,
    plan,
    date: row.localDate,
    links,
    key: await nameKey(`${row.id}|send-again|${row.attempts + 1}`),
  })
  if (!rendered.ok) return { ok: false, final: false, reason: rendered.reason }
  // A delivery flagged before it was ever claimed has no page token or standing tokens yet.
  await db.batch([
    await storeStandingLinks(db, linkSecret, [recipient.id], input.now),
    db
      .prepare('UPDATE deliveries SET page_token_hash = coalesce(page_token_hash, ?2) WHERE id = ?1')
      .bind(row.id, pageTokenHash),
  ])
  return { ok: true, message: rendered.message }
}

/** The day is over for this resident: their schedule moves on and the run's counts follow the decision. */
async function settle(
  db: D1Database,
  input: { tenant: string; now: Date },
  row: FlaggedRow,
  { tenant }: Context,
  end: { state: 'sent' | 'failed-permanent'; failedDay?: string },
): Promise<void> {
  const [recipient] = tenant
    ? await loadRecipients(db, {
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
      recipient && tenant
        ? [
            {
              subscriberId: row.subscriberId,
              nextSendOn: nextSendOn(recipient.timelines, row.localDate, programOf(tenant.tenant)),
            },
          ]
        : [],
    failed: end.failedDay ? [{ subscriberId: row.subscriberId, error: end.failedDay }] : [],
    succeeded: sent ? [row.subscriberId] : [],
    counts: { sent: sent ? 1 : 0, failed: sent ? 0 : 1, flagged: -1 },
    now: input.now,
  })
}
