import type { TenantSettings } from '../../shared/contract'
import { sendTransactional } from '../channels/transactional'
import type { Env } from '../env'
import { hashIp } from '../web/ip-hash'
import { codeLimits, countUse } from './code-limits'
import { smsCodeMessage } from './messages'

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
