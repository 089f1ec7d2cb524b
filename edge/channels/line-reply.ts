import type { D1Database } from '@cloudflare/workers-types'
import type { Env } from '../env'
import { nameKey } from './key'
import { adapterFor, lineChannelToken } from './registry'

export interface LineReply {
  tenant: string
  /** From the webhook event; good once, for about a minute. */
  replyToken: string
  /** The LINE user id, for the outbox's record. */
  to: string
  texts: string[]
  /** The webhook event id: a redelivered event is answered (into the outbox) once. */
  key: string
}

/**
 * Answers a webhook event through LINE's reply API (free, unlike a push) once the tenant's channel
 * access token is stored; otherwise into the local outbox. A reply token is good once and for about
 * a minute, so a reply LINE did not take is pushed instead (counted against the tenant's quota) —
 * a resident waiting for their code or manage link gets it either way. True when it went out.
 * `shard`: the tenant's residents' database, where the outbox keeps a reply (resolved when not given).
 */
export async function replyOnLine(env: Env, reply: LineReply, shard?: D1Database): Promise<boolean> {
  const token = await lineChannelToken(env, reply.tenant)
  if (token && (await replied(env, token, reply))) return true
  return pushed(env, reply, shard)
}

async function replied(env: Env, token: string, reply: LineReply): Promise<boolean> {
  const base = (env.LINE_API_BASE_URL ?? 'https://api.line.me').replace(/\/$/, '')
  try {
    const response = await fetch(`${base}/v2/bot/message/reply`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        replyToken: reply.replyToken,
        messages: reply.texts.slice(0, 5).map((text) => ({ type: 'text', text })),
      }),
    })
    await response.body?.cancel()
    if (!response.ok) console.warn('line reply refused', response.status)
    return response.ok
  } catch (error) {
    console.warn('line reply failed', String(error).slice(0, 200))
    return false
  }
}

// The retry key comes from the webhook event: LINE redelivering the event pushes nothing twice.
async function pushed(env: Env, reply: LineReply, shard: D1Database | undefined): Promise<boolean> {
  const bubbles = reply.texts.slice(0, 5)
  const [result] = await (await adapterFor(env, reply.tenant, 'line', shard)).send([
    {
      idempotencyKey: await nameKey(`line-reply|${reply.tenant}|${reply.key}`),
      tenant: reply.tenant,
      channel: 'line',
      to: reply.to,
      text: bubbles.join('\n\n'),
      bubbles,
    },
  ])
  return result?.outcome === 'sent'
}
