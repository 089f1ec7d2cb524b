import type { D1Database, D1PreparedStatement } from '@cloudflare/workers-types'
import type { TenantSettings } from '../../shared/contract'
import type { Env } from '../env'
import { confirmToken, ensureStandingTokens } from '../resident/link-tokens'
import { issueToken } from '../resident/tokens'
import { confirmationRequest, sendConfirmation } from './confirmation'
import type { Registration } from './form'

export interface RegisterContext {
  /** The tenant's shard: where its residents, their proofs and the rate counters live. */
  db: D1Database
  /** Its number, the prefix of every link this registration sends (linkSegment). */
  shard: number
  tenant: TenantSettings
  ipHash: string
  now: Date
  origin: string
  linkSecret: string
}

/**
 * The statements that store a pending subscriber, their timeline, the consent and the stop token:
 * to run in one batch (all or nothing) with whatever proves the address. `consent: false` — a
 * registration staff start at the counter — stores none: the resident gives it when confirming.
 */
export async function pendingSubscriberStatements(
  ctx: RegisterContext,
  registration: Registration,
  subscriberId: string,
  { consent = true, timelineId = crypto.randomUUID() }: { consent?: boolean; timelineId?: string } = {},
): Promise<D1PreparedStatement[]> {
  const { db, tenant, now } = ctx
  const at = now.toISOString()
  const consentStatement = db
    .prepare(
      `INSERT INTO consents (subscriber_id, tenant_slug, notice_version, method, ip_hash, given_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6)`,
    )
    .bind(
      subscriberId,
      tenant.slug,
      registration.noticeVersion,
      `web-form/${registration.channel}`,
      ctx.ipHash,
      at,
    )
  return [
    db
      .prepare(
        `INSERT INTO subscribers (id, tenant_slug, nickname, audience, language, channel, address, state, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'pending', ?8, ?8)`,
      )
      .bind(
        subscriberId,
        tenant.slug,
        registration.nickname,
        registration.audience,
        registration.language,
        registration.channel,
        registration.address,
        at,
      ),
    db
      .prepare(
        `INSERT INTO timelines (id, tenant_slug, due_date, birth_date, birth_reported_on, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?5)`,
      )
      .bind(
        timelineId,
        tenant.slug,
        registration.stage === 'due' ? registration.date : null,
        registration.stage === 'birth' ? registration.date : null,
        at,
      ),
    db
      .prepare('INSERT INTO timeline_members (timeline_id, subscriber_id) VALUES (?1, ?2)')
      .bind(timelineId, subscriberId),
    ...(consent ? [consentStatement] : []),
    await ensureStandingTokens(db, ctx.linkSecret, [subscriberId], ['stop'], now),
  ]
}

/** The statement that stores a pending subscriber's confirm token (derived: see confirmToken). */
export async function confirmTokenStatement(ctx: RegisterContext, subscriberId: string) {
  const token = await confirmToken(ctx.linkSecret, subscriberId)
  return (await issueToken(ctx.db, subscriberId, 'confirm', ctx.now, null, token)).statement
}

/**
 * Stores a pending subscriber (email) with a confirm token in one batch (all or nothing), then
 * sends the confirmation message through the tenant's email adapter. Nothing else is sent until
 * it is confirmed. False when the confirmation did not go out: the registration stays, and
 * registering the same address again sends that same confirmation (see waitingConfirmation).
 */
export async function register(env: Env, ctx: RegisterContext, registration: Registration): Promise<boolean> {
  const { db, tenant, now } = ctx
  const subscriberId = crypto.randomUUID()
  await db.batch([
    ...(await pendingSubscriberStatements(ctx, registration, subscriberId)),
    await confirmTokenStatement(ctx, subscriberId),
  ])
  const { nickname, address, language } = registration
  const pending = { subscriberId, nickname, address, language }
  const request = await confirmationRequest(ctx.linkSecret, ctx.origin, pending, now, ctx.shard)
  return sendConfirmation(env, tenant, request, db)
}
