import type { D1Database } from '@cloudflare/workers-types'
import type { TenantSettings } from '../../shared/contract'
import type { OutgoingMessage, SendResult } from '../channels/adapter'
import { sendWithoutRow } from '../channels/texts-without-row'
import type { Env } from '../env'
import { spendSms } from './sms-cap'

/**
 * A text the town pays for outside the daily program that anyone may cause (a code, a confirm
 * link, a notice to an address's owner): counted against its SMS cap, sent, and counted for the
 * daily report with its segments. Null when the cap refused it (nothing sent).
 */
export async function sendPaidSms(
  env: Env,
  tenant: TenantSettings,
  message: OutgoingMessage & { channel: 'sms' },
  now: Date,
  db: D1Database,
): Promise<SendResult | null> {
  if (!(await spendSms(env, tenant, now, db))) return null
  return sendWithoutRow(env, tenant, message, now, db)
}
