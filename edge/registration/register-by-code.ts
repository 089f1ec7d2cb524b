import { localDate } from '../../shared/calendar'
import type { TenantSettings } from '../../shared/contract'
import { sendTransactional } from '../channels/transactional'
import type { Env } from '../env'
import { subscriberLanguage } from '../resident/language'
import { manageToken } from '../resident/link-tokens'
import { linkSegment } from '../shards/links'
import { residentShard } from '../shards/map'
import { alreadyRegisteredMessage } from '../verification/address-messages'
import { countUse } from '../verification/code-limits'
import { activeOwner } from '../verification/complete'
import { sendPaidSms } from '../verification/paid-sms'
import { checkCodeSend, codeKey, sendSmsCode } from '../verification/send-code'
import { newVerification, storeDecoy } from '../verification/verification'
import { hashIp } from '../web/ip-hash'
import type { Registration } from './form'
import { pendingSubscriberStatements, type RegisterContext } from './register'

/**
 * Tells the owner of an address that someone registered it again, with their manage link; at most
 * once an hour (a counter), so a stranger cannot flood them.
 */
export async function notifyOwner(
  env: Env,
  tenant: TenantSettings,
  ownerId: string,
  channel: 'email' | 'sms',
  address: string,
  origin: string,
  linkSecret: string,
  now: Date,
) {
  const { shard, db } = await residentShard(env, tenant.slug)
  // Their current link: an owner who asked for a new one must not be sent the old.
  const manageUrl = `${origin}/r/${linkSegment(shard, await manageToken(db, linkSecret, ownerId))}`
  const key = `already-registered/${ownerId}/${localDate(now, tenant.timeZone)}`
  const ownerHash = await hashIp(`owner|${ownerId}`, env.IP_HASH_SALT)
  if (!(await countUse(db, 'code-send-address', ownerHash, 1, now))) return
  const message = alreadyRegisteredMessage(
    tenant,
    channel,
    address,
    manageUrl,
    key,
    await subscriberLanguage(db, ownerId),
  )
  // A text costs the town money: it counts against its SMS cap like a code, and in its SMS cost.
  const result =
    message.channel === 'sms'
      ? await sendPaidSms(env, tenant, { ...message, channel: 'sms' }, now, db)
      : await sendTransactional(env, message, db)
  // The stranger's page answers as always; the owner is simply not told this time.
  if (result && result.outcome !== 'sent') console.warn('owner notice not sent', result.outcome, result.error)
}

/**
 * `handle`: the code page's bare token (the route adds its shard's prefix). `unsent`: the code did
 * not (surely) leave; the code page says so and offers a new one.
 * `limited`: past the limits per connection or number; `sms-paused`: the town's SMS cap is reached.
 */
export type CodeRegistration =
  | { ok: true; handle: string; unsent: boolean }
  | { ok: false; reason: 'limited' | 'sms-paused' }

/**
 * Registration by SMS or LINE: a pending subscriber and a verification in one batch, then the SMS
 * code (LINE shows its code on the page). An SMS number already active in the tenant makes no
 * subscriber: a decoy verification answers exactly as a real one would, and the owner is told.
 */
export async function registerByCode(
  env: Env,
  ctx: RegisterContext,
  registration: Registration,
): Promise<CodeRegistration> {
  const { db, tenant, now } = ctx
  const address = registration.channel === 'sms' ? registration.address : null
  const allowed = await checkCodeSend(env, tenant, registration.channel, ctx.ipHash, address, now, db)
  if (allowed !== 'ok') return { ok: false, reason: allowed }
  const owner = address ? await activeOwner(db, tenant.slug, 'sms', address) : null
  if (owner && address) {
    const handle = await storeDecoy(db, ctx.linkSecret, tenant.slug, address, now)
    await notifyOwner(env, tenant, owner, 'sms', address, ctx.origin, ctx.linkSecret, now)
    return { ok: true, handle, unsent: false }
  }
  const subscriberId = crypto.randomUUID()
  const verification = await newVerification(db, ctx.linkSecret, {
    tenant: tenant.slug,
    purpose: 'register',
    channel: registration.channel,
    address,
    subscriberId,
    now,
  })
  await db.batch([
    ...(await pendingSubscriberStatements(ctx, registration, subscriberId)),
    verification.statement,
  ])
  const sent =
    !address ||
    !verification.code ||
    (await sendSmsCode(
      env,
      tenant,
      address,
      verification.code,
      codeKey(verification.id, 1),
      registration.language,
      db,
    ))
  return { ok: true, handle: verification.handle, unsent: !sent }
}
