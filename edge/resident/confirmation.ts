import type { D1Database } from '@cloudflare/workers-types'
import { localDate } from '../../shared/calendar'
import type { TenantSettings } from '../../shared/contract'
import type { ComposedMessage } from '../channels/adapter'
import { outboxAdapter } from '../channels/outbox'

export interface ConfirmationRequest {
  subscriberId: string
  nickname: string
  address: string
  language: string
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
): ComposedMessage {
  const sender = tenant.channels.email?.senderName ?? tenant.name.ja
  const ja = [
    `${request.nickname}さん`,
    '',
    `${tenant.name.ja}の「寄り添い」へのご登録ありがとうございます。`,
    '下のリンクを開いて、登録を確定してください（7日間有効です）。',
    request.confirmUrl,
    '',
    'お心当たりがない場合は、このメールを削除してください。確定しない限り、これ以上お送りしません。',
  ]
  const en = [
    `Thank you for registering with yorisoi from ${tenant.name.en}.`,
    'Please open the link above to confirm (valid for 7 days).',
    'If this was not you, delete this email: nothing more is sent unless you confirm.',
  ]
  const footer = [
    `送信者 / Sender: ${sender}`,
    `お問い合わせ / Contact: ${tenant.desk.name} ${tenant.desk.phone} ${tenant.desk.email}`,
    `配信停止 / Stop: ${request.stopUrl}`,
  ]
  return {
    idempotencyKey: key,
    tenant: tenant.slug,
    channel: 'email',
    to: request.address,
    subject: `【${tenant.name.ja}】ご登録の確認 / Please confirm`,
    text: [...ja, '', ...en, '', '---', ...footer].join('\n'),
  }
}

/** Claims the day's confirmation delivery, hands the message to the adapter, records the outcome. */
export async function sendConfirmation(
  db: D1Database,
  tenant: TenantSettings,
  request: ConfirmationRequest,
): Promise<void> {
  const date = localDate(request.now, tenant.timeZone)
  const key = `${request.subscriberId}/${date}/confirmation`
  const at = request.now.toISOString()
  const claimed = await db
    .prepare(
      `INSERT INTO deliveries (id, subscriber_id, tenant_slug, local_date, kind, channel, idempotency_key, created_at, updated_at)
       VALUES (?1, ?2, ?3, ?4, 'confirmation', 'email', ?5, ?6, ?6)
       ON CONFLICT (subscriber_id, local_date, kind) DO NOTHING`,
    )
    .bind(crypto.randomUUID(), request.subscriberId, tenant.slug, date, key, at)
    .run()
  if (claimed.meta.changes === 0) return
  const [result] = await outboxAdapter(db, () => request.now).send([
    confirmationMessage(tenant, request, key),
  ])
  await db
    .prepare(
      `UPDATE deliveries SET state = ?2, provider_message_id = ?3, attempts = attempts + 1, error = ?4, updated_at = ?5
       WHERE idempotency_key = ?1`,
    )
    .bind(key, result?.outcome ?? 'unknown', result?.providerMessageId ?? null, result?.error ?? null, at)
    .run()
}
