import { localDate } from '../../shared/calendar'
import type { TenantSettings } from '../../shared/contract'
import { sendTransactional } from '../channels/transactional'
import type { Env } from '../env'
import { standingToken } from '../resident/link-tokens'
import { codeLimits, countUse } from '../verification/code-limits'
import { alreadyRegisteredMessage, smsCodeMessage } from '../verification/messages'
import { activeOwner, newVerification, storeDecoy } from '../verification/verification'
import { hashIp } from '../web/ip-hash'
import type { Registration } from './form'
import { pendingSubscriberStatements, type RegisterContext } from './register'

/** The delivery-like key of a verification's n-th code: a retried request sends that code once. */
export const codeKey = (verificationId: string, send: number) => `code/${verificationId.slice(0, 32)}/${send}`

/** Counts a code about to be sent, per hashed IP and per address; false when either is spent. */
export async function allowCodeSend(env: Env, ipHash: string, address: string | null, now: Date) {
  const byIp = await countUse(env.DB, 'code-send-ip', ipHash, codeLimits.sendsPerIp, now)
  if (!byIp || address === null) return byIp
  const addressHash = await hashIp(`address|${address}`, env.IP_HASH_SALT)
  return countUse(env.DB, 'code-send-address', addressHash, codeLimits.sendsPerAddress, now)
}

/** Sends a code by the tenant's SMS provider; false when it did not (surely) go out. */
export async function sendSmsCode(
  env: Env,
  tenant: TenantSettings,
  to: string,
  code: string,
  key: string,
): Promise<boolean> {
  const result = await sendTransactional(env, smsCodeMessage(tenant, to, code, key))
  if (result.outcome !== 'sent') console.warn('sms code not sent', result.outcome, result.error)
  return result.outcome === 'sent'
}

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
  const manageUrl = `${origin}/r/${await standingToken(linkSecret, ownerId, 'manage')}`
  const key = `already-registered/${ownerId}/${localDate(now, tenant.timeZone)}`
  const ownerHash = await hashIp(`owner|${ownerId}`, env.IP_HASH_SALT)
  if (!(await countUse(env.DB, 'code-send-address', ownerHash, 1, now))) return
  const result = await sendTransactional(
    env,
    alreadyRegisteredMessage(tenant, channel, address, manageUrl, key),
  )
  // The stranger's page answers as always; the owner is simply not told this time.
  if (result.outcome !== 'sent') console.warn('owner notice not sent', result.outcome, result.error)
}

/** `unsent`: the code did not (surely) leave; the code page says so and offers a new one. */
export type CodeRegistration = { ok: true; handle: string; unsent: boolean } | { ok: false; limited: true }

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
  if (!(await allowCodeSend(env, ctx.ipHash, address, now))) return { ok: false, limited: true }
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
    (await sendSmsCode(env, tenant, address, verification.code, codeKey(verification.id, 1)))
  return { ok: true, handle: verification.handle, unsent: !sent }
}
