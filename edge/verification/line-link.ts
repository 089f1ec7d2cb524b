import type { D1Database } from '@cloudflare/workers-types'
import type { TenantSettings } from '../../shared/contract'
import { replyOnLine } from '../channels/line-reply'
import type { Env } from '../env'
import { subscriberLanguage } from '../resident/language'
import { manageToken, requireLinkSecret } from '../resident/link-tokens'
import { linkSegment } from '../shards/links'
import { residentShard } from '../shards/map'
import { hashIp } from '../web/ip-hash'
import { codeLimits, countUse } from './code-limits'
import { lineReplies } from './code-messages'
import { codeDigits } from './codes'
import { completeVerification } from './complete'
import { sendUndoNotice } from './undo'
import { findLineVerification, stateOf } from './verification'

/** The parts of a LINE webhook event this reads (line-webhook.yml: follow, message). */
export interface LineEvent {
  type?: string
  webhookEventId?: string
  replyToken?: string
  source?: { type?: string; userId?: string }
  message?: { type?: string; text?: string }
}

async function isLinked(db: D1Database, tenant: string, userId: string): Promise<boolean> {
  const row = await db
    .prepare(
      `SELECT 1 AS one FROM subscribers WHERE tenant_slug = ?1 AND channel = 'line' AND address = ?2
       AND state != 'stopped' LIMIT 1`,
    )
    .bind(tenant, userId)
    .first()
  return row !== null
}

/**
 * A follow or a chat message on the tenant's official account: the 8-digit code from the
 * registration (or change) page links this LINE user to the waiting subscriber, and the resident
 * is told how it went in the chat. Anything else from a linked resident is left for the desk
 * (`for-desk`: the caller makes it a consultation). Everything is read and written in the
 * tenant's shard (TenantMoving while it moves).
 */
export async function linkFromLine(
  env: Env,
  tenant: TenantSettings,
  event: LineEvent,
  origin: string,
  now: Date,
): Promise<'handled' | 'for-desk'> {
  const userId = event.source?.userId
  if (!userId || !event.replyToken) return 'handled'
  const { shard, db } = await residentShard(env, tenant.slug)
  const reply = (...texts: string[]) =>
    replyOnLine(
      env,
      {
        tenant: tenant.slug,
        replyToken: event.replyToken!,
        to: userId,
        texts,
        key: event.webhookEventId ?? crypto.randomUUID(),
      },
      db,
    )
  const text = event.type === 'message' && event.message?.type === 'text' ? (event.message.text ?? '') : null
  const code = text === null ? null : codeDigits(text.slice(0, 40), 8)
  if (code === null) {
    const linked = await isLinked(db, tenant.slug, userId)
    if ((event.type === 'follow' || text !== null) && !linked) await reply(lineReplies.askForCode(tenant))
    return linked && text !== null ? 'for-desk' : 'handled'
  }
  const secret = requireLinkSecret(env.LINK_SECRET)
  const userHash = await hashIp(`line|${userId}`, env.IP_HASH_SALT)
  if (!(await countUse(db, 'code-try-address', userHash, codeLimits.triesPerAddress, now))) {
    await reply(lineReplies.limited())
    return 'handled'
  }
  const found = await findLineVerification(db, secret, tenant.slug, code)
  if (!found) {
    await reply(lineReplies.unknown())
    return 'handled'
  }
  // From here the code names a registration: replies come in its language.
  const language = await subscriberLanguage(db, found.subscriberId)
  if (stateOf(found, now) === 'expired') {
    await reply(lineReplies.expired(language))
    return 'handled'
  }
  const done = await completeVerification(db, tenant, secret, found, userId, now)
  const manage = async (id: string) => `${origin}/r/${linkSegment(shard, await manageToken(db, secret, id))}`
  if (done.kind === 'registered') await reply(lineReplies.linked(await manage(done.subscriberId), language))
  else if (done.kind === 'changed') {
    await reply(lineReplies.changed(await manage(done.subscriberId), language))
    if (done.undo)
      await sendUndoNotice(env, tenant, { shard, db }, origin, done.undo, {
        channel: 'line',
        address: userId,
      })
  } else if (done.kind === 'duplicate')
    await reply(lineReplies.already(await manage(done.ownerId), await subscriberLanguage(db, done.ownerId)))
  else await reply(lineReplies.unknown(language))
  return 'handled'
}
