import type { D1Database } from '@cloudflare/workers-types'
import { localDate } from '../../shared/calendar'
import { smsCapDefaults, type TenantSettings } from '../../shared/contract'
import { sendTransactional } from '../channels/transactional'
import type { Env } from '../env'
import { residentDb } from '../shards/map'
import { countIn, countSoFar, hourOf } from './code-limits'
import { smsCapAlertMessage } from './sms-cap-alert'

/**
 * A town's SMS cap: the texts (codes, notices to an owner) it pays for in a clock hour and in its
 * local day. Past it, SMS sign-up pauses (email and LINE go on) and the town is alerted, so that
 * SMS pumping costs at most a day's cap, never an open bill. Counters live in rate_counters of the
 * town's shard, keyed by the tenant slug (no one's data). `shardDb` below: that shard, when the
 * caller has it already.
 */

export function smsCap(tenant: TenantSettings) {
  return {
    perHour: tenant.channels.sms?.capPerHour ?? smsCapDefaults.perHour,
    perDay: tenant.channels.sms?.capPerDay ?? smsCapDefaults.perDay,
  }
}

const dayOf = (tenant: TenantSettings, now: Date) => localDate(now, tenant.timeZone)

/** Whether the town may still pay for a text now, counting nothing (to answer before any work). */
export async function withinSmsCap(db: D1Database, tenant: TenantSettings, now: Date): Promise<boolean> {
  const cap = smsCap(tenant)
  const [hour, day] = await Promise.all([
    countSoFar(db, 'sms-tenant-hour', tenant.slug, hourOf(now)),
    countSoFar(db, 'sms-tenant-day', tenant.slug, dayOf(tenant, now)),
  ])
  return hour < cap.perHour && day < cap.perDay
}

/**
 * Counts one text the town is about to pay for; false (and the cap hit recorded) when that would
 * pass its hour's or day's cap. The count is atomic, so concurrent requests cannot overshoot.
 */
export async function spendSms(
  env: Env,
  tenant: TenantSettings,
  now: Date,
  shardDb?: D1Database,
): Promise<boolean> {
  const db = shardDb ?? (await residentDb(env, tenant.slug))
  const cap = smsCap(tenant)
  const hour = await countIn(db, 'sms-tenant-hour', tenant.slug, hourOf(now))
  if (hour > cap.perHour) {
    await recordSmsCapHit(env, tenant, now, db)
    return false
  }
  const day = await countIn(db, 'sms-tenant-day', tenant.slug, dayOf(tenant, now))
  if (day > cap.perDay) {
    await recordSmsCapHit(env, tenant, now, db)
    return false
  }
  return true
}

/**
 * Records a text refused by the cap: a counter per town and hour (what the daily report can
 * count), a structured log line for the operators, and, the first time in an hour, an email to
 * the town's desk (idempotent per hour, so a retried request does not send it twice).
 */
export async function recordSmsCapHit(
  env: Env,
  tenant: TenantSettings,
  now: Date,
  shardDb?: D1Database,
): Promise<void> {
  const window = hourOf(now)
  const db = shardDb ?? (await residentDb(env, tenant.slug))
  const refused = await countIn(db, 'sms-cap-hit', tenant.slug, window)
  if (refused !== 1) return
  const cap = smsCap(tenant)
  console.warn(
    JSON.stringify({
      event: 'sms-cap-hit',
      tenant: tenant.slug,
      hour: window,
      ...cap,
      at: now.toISOString(),
    }),
  )
  const result = await sendTransactional(env, smsCapAlertMessage(tenant, cap, window), db)
  if (result.outcome !== 'sent')
    console.warn(
      JSON.stringify({ event: 'sms-cap-alert-unsent', tenant: tenant.slug, outcome: result.outcome }),
    )
}
