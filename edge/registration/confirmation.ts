import type { D1Database } from '@cloudflare/workers-types'
import { localDate } from '../../shared/calendar'
import type { TenantSettings } from '../../shared/contract'
import { wording } from '../../shared/languages/wording'
import type { OutgoingMessage } from '../channels/adapter'
import { sendTransactional } from '../channels/transactional'
import type { Env } from '../env'
import { subscriberLanguage } from '../resident/language'
import { confirmToken, standingToken } from '../resident/link-tokens'
import { linkSegment } from '../shards/links'
import { residentDb } from '../shards/map'
import { emailFrom, footer, letter, pair, subject } from '../verification/letter'

export interface ConfirmationRequest {
  subscriberId: string
  nickname: string
  address: string
  confirmUrl: string
  stopUrl: string
  now: Date
}

/**
 * The double opt-in message. The subject is neutral (nothing in an inbox list says pregnancy);
 * the body names the sender, a contact and how to stop, as 特定電子メール法 asks.
 */
export function confirmationMessage(
  tenant: TenantSettings,
  request: ConfirmationRequest,
  key: string,
  language: string | undefined,
): OutgoingMessage {
  const text = letter(language, [
    wording('{nickname}さん', 'Dear {nickname},', { nickname: request.nickname }),
    '',
    wording(
      '{town}の「寄り添い」へのご登録ありがとうございます。',
      'Thank you for registering with yorisoi from {town}.',
      { town: tenant.name.ja, townEn: tenant.name.en },
    ),
    wording(
      '下のリンクを開いて、登録を確定してください（7日間有効です）。',
      'Please open the link below to confirm (valid for 7 days).',
    ),
    request.confirmUrl,
    '',
    wording(
      'お心当たりがない場合は、このメールを削除してください。確定しない限り、これ以上お送りしません。',
      'If this was not you, delete this email: nothing more is sent unless you confirm.',
    ),
  ])
  return {
    idempotencyKey: key,
    tenant: tenant.slug,
    channel: 'email',
    to: request.address,
    subject: subject(tenant, wording('ご登録の確認', 'Please confirm'), language),
    text: [
      text,
      '',
      ...footer(tenant, language),
      `${pair(wording('配信停止', 'Stop'), language)}: ${request.stopUrl}`,
    ].join('\n'),
    ...emailFrom(tenant),
  }
}

/** A pending email subscriber waiting for their confirmation. */
export interface PendingConfirmation {
  subscriberId: string
  nickname: string
  address: string
}

/** A registration sent again within this time is the same request twice (a double tap, a retry). */
export const repeatWindowMs = 15 * 60_000

/**
 * Where a waiting registration's confirmation stands: it never left (the provider refused, failed
 * or did not answer), it left within the repeat window, or it left before that.
 */
export type ConfirmationStanding = 'unsent' | 'recent' | 'earlier'

/**
 * The newest pending email subscriber of this tenant at this address whose confirmation link is
 * still good — registering that address again should not make another — and where its
 * confirmation stands. Null when there is none, and a new registration starts.
 */
export async function waitingConfirmation(
  db: D1Database,
  tenant: string,
  address: string,
  now: Date,
): Promise<(PendingConfirmation & { confirmation: ConfirmationStanding }) | null> {
  const row = await db
    .prepare(
      `SELECT s.id AS subscriberId, s.nickname, s.address, d.state, d.updated_at AS sentAt FROM subscribers s
       LEFT JOIN deliveries d ON d.subscriber_id = s.id AND d.kind = 'confirmation'
       WHERE s.tenant_slug = ?1 AND s.channel = 'email' AND s.address = ?2 AND s.state = 'pending'
         AND EXISTS (SELECT 1 FROM access_tokens t WHERE t.subscriber_id = s.id AND t.purpose = 'confirm'
                     AND t.used_at IS NULL AND t.expires_at > ?3)
       ORDER BY s.created_at DESC LIMIT 1`,
    )
    .bind(tenant, address, now.toISOString())
    .first<PendingConfirmation & { state: string | null; sentAt: string | null }>()
  if (!row) return null
  const { state, sentAt, ...pending } = row
  if (state !== 'sent') return { ...pending, confirmation: 'unsent' }
  const recent = sentAt !== null && now.getTime() - Date.parse(sentAt) < repeatWindowMs
  return { ...pending, confirmation: recent ? 'recent' : 'earlier' }
}

/**
 * Sends a pending subscriber's confirmation through the tenant's email adapter and records it as
 * their confirmation delivery. A subscriber has one such delivery: sending again (the resident
 * pressed "send again", or a request was retried) reuses its key and rebuilds the same message, so
 * a provider that honours keys sends it once; one already sent is not sent again. True when it
 * has gone out. `shardDb`: the tenant's shard, when the caller has it already.
 */
export async function sendConfirmation(
  env: Env,
  tenant: TenantSettings,
  request: ConfirmationRequest,
  shardDb?: D1Database,
): Promise<boolean> {
  const db = shardDb ?? (await residentDb(env, tenant.slug))
  const at = request.now.toISOString()
  const date = localDate(request.now, tenant.timeZone)
  await db
    .prepare(
      `INSERT INTO deliveries (id, subscriber_id, tenant_slug, local_date, kind, channel, idempotency_key, created_at, updated_at)
       SELECT ?1, ?2, ?3, ?4, 'confirmation', 'email', ?5, ?6, ?6
       WHERE NOT EXISTS (SELECT 1 FROM deliveries WHERE subscriber_id = ?2 AND kind = 'confirmation')
       ON CONFLICT DO NOTHING`,
    )
    .bind(
      crypto.randomUUID(),
      request.subscriberId,
      tenant.slug,
      date,
      `${request.subscriberId}/${date}/confirmation`,
      at,
    )
    .run()
  const row = await db
    .prepare(
      `SELECT idempotency_key AS key, state FROM deliveries WHERE subscriber_id = ?1 AND kind = 'confirmation'
       ORDER BY created_at LIMIT 1`,
    )
    .bind(request.subscriberId)
    .first<{ key: string; state: string }>()
  if (!row) return false
  if (row.state === 'sent') return true
  // In the language the resident registered in (the pending subscriber's).
  const language = await subscriberLanguage(db, request.subscriberId)
  const result = await sendTransactional(env, confirmationMessage(tenant, request, row.key, language), db)
  await db
    .prepare(
      `UPDATE deliveries SET state = ?2, provider_message_id = ?3, attempts = attempts + 1, error = ?4, updated_at = ?5
       WHERE idempotency_key = ?1 AND kind = 'confirmation' AND state != 'sent'`,
    )
    .bind(row.key, result.outcome, result.providerMessageId ?? null, result.error?.slice(0, 300) ?? null, at)
    .run()
  if (result.outcome !== 'sent') console.warn('confirmation not sent', result.outcome, result.error)
  return result.outcome === 'sent'
}

/**
 * What a confirmation for this pending subscriber says: its links are derived, so always the same,
 * and carry the prefix of `shard`, the tenant's (RegisterContext.shard).
 */
export async function confirmationRequest(
  secret: string,
  origin: string,
  subscriber: PendingConfirmation,
  now: Date,
  shard = 1,
): Promise<ConfirmationRequest> {
  const confirm = await confirmToken(secret, subscriber.subscriberId)
  const stop = await standingToken(secret, subscriber.subscriberId, 'stop')
  return {
    ...subscriber,
    confirmUrl: `${origin}/c/${linkSegment(shard, confirm)}`,
    stopUrl: `${origin}/s/${linkSegment(shard, stop)}`,
    now,
  }
}
