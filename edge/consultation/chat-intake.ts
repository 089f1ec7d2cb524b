import type { D1Database } from '@cloudflare/workers-types'
import { assessUrgency } from '../../shared/consultation'
import type { TenantSettings } from '../../shared/contract'
import { replyOnLine } from '../channels/line-reply'
import { sendTransactional } from '../channels/transactional'
import type { Env } from '../env'
import { chatAcknowledgement } from './chat-ack'
import { forwardConsultation } from './forward'
import { recordConsultation } from './store'

/** A chat is many short texts: more of them a day than forms, still not a flood. */
export const CHAT_CONSULTATIONS_PER_DAY = 30
/** LINE's own limit for one text; an SMS is far shorter. Nothing a resident wrote is cut below it. */
const CHAT_MAX_CHARS = 5000
const DAY_MS = 86_400_000

export interface ChatText {
  channel: 'line' | 'sms'
  /** The LINE user id or the phone number (E.164) it came from. */
  from: string
  text: string
  now: Date
}

export type ChatIntake =
  | { kind: 'consultation'; id: string; urgent: boolean; acknowledge: boolean; language: string }
  /** Not an active subscriber of this town on this channel, an empty text, or over the daily limit. */
  | { kind: 'ignored' }

// Tabs and line breaks are how people write; other control characters are not kept.
const controlCharacters = /[^\P{Cc}\t\n]/gu

function cleaned(text: string): string {
  return [...text.replace(/\r\n?/g, '\n').replace(controlCharacters, '').trim()]
    .slice(0, CHAT_MAX_CHARS)
    .join('')
}

/**
 * A resident's LINE text or SMS reply that is not a keyword becomes a consultation of the town's
 * inbox (and its notice to the desk), for an active subscriber of that town only: an unknown sender
 * leaves nothing. The acknowledgement is due for the first chat consultation in 24 hours only, so a
 * stream of texts cannot make the town send a stream of SMS; a race between two texts can only
 * leave both unacknowledged, never acknowledge both.
 */
export async function consultationFromChat(
  env: Env,
  db: D1Database,
  tenant: TenantSettings,
  chat: ChatText,
): Promise<ChatIntake> {
  const text = cleaned(chat.text)
  if (!text) return { kind: 'ignored' }
  const subscriber = await db
    .prepare(
      `SELECT id, language FROM subscribers
       WHERE tenant_slug = ?1 AND channel = ?2 AND address = ?3 AND state = 'active'
       ORDER BY created_at, id LIMIT 1`,
    )
    .bind(tenant.slug, chat.channel, chat.from)
    .first<{ id: string; language: string }>()
  if (!subscriber) return { kind: 'ignored' }
  const urgent = assessUrgency(text).urgent
  const recorded = await recordConsultation(db, {
    subscriberId: subscriber.id,
    tenantSlug: tenant.slug,
    request: { category: 'other', text, contact: 'registered' },
    urgent,
    language: subscriber.language,
    source: chat.channel,
    now: chat.now,
    perDay: CHAT_CONSULTATIONS_PER_DAY,
  })
  if (!recorded.ok) return { kind: 'ignored' }
  try {
    await forwardConsultation(env, recorded.id, chat.now, db)
  } catch (error) {
    console.error(`consultation ${recorded.id}: forward left to the cron tick`, error)
  }
  const chats = await db
    .prepare(
      `SELECT COUNT(*) AS n FROM consultations
       WHERE subscriber_id = ?1 AND source IN ('line', 'sms') AND created_at > ?2 AND created_at <= ?3`,
    )
    .bind(subscriber.id, new Date(chat.now.getTime() - DAY_MS).toISOString(), chat.now.toISOString())
    .first<{ n: number }>()
  return {
    kind: 'consultation',
    id: recorded.id,
    urgent,
    acknowledge: chats?.n === 1,
    language: subscriber.language,
  }
}

/** A LINE text from a linked resident: the consultation, and its acknowledgement on the event's reply token. */
export async function consultationFromLine(
  env: Env,
  db: D1Database,
  tenant: TenantSettings,
  event: { userId: string; text: string; replyToken?: string; eventId?: string },
  now: Date,
): Promise<ChatIntake> {
  const taken = await consultationFromChat(env, db, tenant, {
    channel: 'line',
    from: event.userId,
    text: event.text,
    now,
  })
  if (taken.kind === 'consultation' && taken.acknowledge)
    await replyOnLine(
      env,
      {
        tenant: tenant.slug,
        // Without a token (never from LINE itself) the reply is pushed instead.
        replyToken: event.replyToken ?? '',
        to: event.userId,
        texts: [chatAcknowledgement(tenant, taken.urgent, taken.language, 'line')],
        key: event.eventId ?? taken.id,
      },
      db,
    )
  return taken
}

/** An SMS reply from a resident: the consultation, and its acknowledgement by SMS. */
export async function consultationFromSms(
  env: Env,
  db: D1Database,
  tenant: TenantSettings,
  reply: { from: string; text: string },
  now: Date,
): Promise<ChatIntake> {
  const taken = await consultationFromChat(env, db, tenant, { channel: 'sms', ...reply, now })
  if (taken.kind === 'consultation' && taken.acknowledge) {
    const sent = await sendTransactional(
      env,
      {
        idempotencyKey: `chat-ack-${taken.id}`,
        tenant: tenant.slug,
        channel: 'sms',
        to: reply.from,
        text: chatAcknowledgement(tenant, taken.urgent, taken.language, 'sms'),
      },
      db,
    )
    if (sent.outcome !== 'sent')
      console.warn(
        `consultation ${taken.id}: acknowledgement not sent (${sent.outcome}: ${sent.error ?? ''})`,
      )
  }
  return taken
}
