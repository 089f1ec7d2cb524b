import type { D1Database } from '@cloudflare/workers-types'
import type { Channel, TenantSettings } from '../../shared/contract'
import type { Env } from '../env'
import { residentDb } from '../shards/map'
import { hashIp } from '../web/ip-hash'
import { codeLimits, countUse } from './code-limits'
import { smsCodeMessage } from './code-messages'
import { sendPaidSms } from './paid-sms'
import { recordSmsCapHit, withinSmsCap } from './sms-cap'

/** The delivery-like key of a verification's n-th code: a retried request sends that code once. */
export const codeKey = (verificationId: string, send: number) => `code/${verificationId.slice(0, 32)}/${send}`

/**
 * Counts a code about to be sent, per hashed IP and per address, in `db` — the tenant's shard,
 * where its rate counters live (RegisterContext.db); false when either is spent.
 */
export async function allowCodeSend(
  env: Env,
  ipHash: string,
  address: string | null,
  now: Date,
  db: D1Database = env.DB,
) {
  const byIp = await countUse(db, 'code-send-ip', ipHash, codeLimits.sendsPerIp, now)
  if (!byIp || address === null) return byIp
  const addressHash = await hashIp(`address|${address}`, env.IP_HASH_SALT)
  return countUse(db, 'code-send-address', addressHash, codeLimits.sendsPerAddress, now)
}

/**
 * Whether a code (or an address change's link) may be sent now, before any work: `sms-paused` by
 * SMS while the town's SMS cap is reached (LINE shows its code on the page and costs nothing),
 * `limited` past the limits per connection and per address (counted here), else `ok`. Everything is
 * counted in the tenant's shard (`shardDb`, when the caller has it already).
 */
export async function checkCodeSend(
  env: Env,
  tenant: TenantSettings,
  channel: Channel,
  ipHash: string,
  address: string | null,
  now: Date,
  shardDb?: D1Database,
): Promise<'ok' | 'limited' | 'sms-paused'> {
  const db = shardDb ?? (await residentDb(env, tenant.slug))
  if (channel === 'sms' && !(await withinSmsCap(db, tenant, now))) {
    await recordSmsCapHit(env, tenant, now, db)
    return 'sms-paused'
  }
  return (await allowCodeSend(env, ipHash, address, now, db)) ? 'ok' : 'limited'
}

/**
 * Sends a code by the tenant's SMS provider, counted against its SMS cap (a text past the cap is
 * not sent); false when it did not (surely) go out.
 */
export async function sendSmsCode(
  env: Env,
  tenant: TenantSettings,
  to: string,
  code: string,
  key: string,
  /** The pending registration's (or subscriber's) language: the text is worded in it alone. */
  language: string | undefined,
  shardDb?: D1Database,
): Promise<boolean> {
  const db = shardDb ?? (await residentDb(env, tenant.slug))
  const result = await sendPaidSms(
    env,
    tenant,
    smsCodeMessage(tenant, to, code, key, language),
    new Date(),
    db,
  )
  if (!result) return false
  if (result.outcome !== 'sent') console.warn('sms code not sent', result.outcome, result.error)
  return result.outcome === 'sent'
}
