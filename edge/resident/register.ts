import type { D1Database, D1PreparedStatement } from '@cloudflare/workers-types'
import type { TenantSettings } from '../../shared/contract'
import { sendConfirmation } from './confirmation'
import { ensureStandingTokens, standingToken } from './link-tokens'
import type { Registration } from './registration-form'
import { issueToken } from './tokens'

export interface RegisterContext {
  db: D1Database
  tenant: TenantSettings
  ipHash: string
  now: Date
  origin: string
  linkSecret: string
}

/**
 * The statements that store a pending subscriber, their timeline, the consent and the stop token:
 * to run in one batch (all or nothing) with whatever proves the address.
 */
export async function pendingSubscriberStatements(
  ctx: RegisterContext,
  registration: Registration,
  subscriberId: string,
): Promise<D1PreparedStatement[]> {
  const { db, tenant, now } = ctx
  const at = now.toISOString()
  const timelineId = crypto.randomUUID()
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
    db
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
      ),
    await ensureStandingTokens(db, ctx.linkSecret, [subscriberId], ['stop'], now),
  ]
}

/**
 * Stores a pending subscriber (email) with a confirm token in one batch (all or nothing), then
 * sends the confirmation message. Nothing else is sent until it is confirmed.
 */
export async function register(ctx: RegisterContext, registration: Registration): Promise<void> {
  const { db, tenant, now } = ctx
  const subscriberId = crypto.randomUUID()
  const confirm = await issueToken(db, subscriberId, 'confirm', now)
  await db.batch([...(await pendingSubscriberStatements(ctx, registration, subscriberId)), confirm.statement])
  await sendConfirmation(db, tenant, {
    subscriberId,
    nickname: registration.nickname,
    address: registration.address,
    language: registration.language,
    confirmUrl: `${ctx.origin}/c/${confirm.token}`,
    stopUrl: `${ctx.origin}/s/${await standingToken(ctx.linkSecret, subscriberId, 'stop')}`,
    now,
  })
}
