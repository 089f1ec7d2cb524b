import type { D1Database } from '@cloudflare/workers-types'

/**
 * How codes are limited; every number is per clock hour unless it says otherwise. What costs money
 * or reaches a stranger is limited tightly: texts to one number, and a town's texts (its SMS cap,
 * see sms-cap.ts). A connection is not: an IPv6 /64 or one IPv4 address may be a health centre's
 * Wi-Fi during a parenting class or a carrier's shared address, with 30+ families on it.
 */
export const codeLimits = {
  /** Wrong codes against one code; then a new code is needed. */
  attemptsPerCode: 5,
  /** Codes one verification may send (the first and the resends). */
  sendsPerVerification: 3,
  /** Seconds before another code may be sent for the same verification. */
  resendAfterSeconds: 60,
  sendsPerIp: 40,
  sendsPerAddress: 5,
  triesPerIp: 100,
  triesPerAddress: 15,
} as const

export type LimitScope =
  | 'code-send-ip'
  | 'code-send-address'
  | 'code-try-ip'
  | 'code-try-address'
  /** A town's texts this hour and this local day (key: the tenant slug). */
  | 'sms-tenant-hour'
  | 'sms-tenant-day'
  /** Texts refused by a town's cap this hour (key: the tenant slug): the town's alert and report. */
  | 'sms-cap-hit'

export const hourOf = (now: Date) => now.toISOString().slice(0, 13)

/** Counts one more use of `scope` by `keyHash` this hour; false once it is past `limit`. */
export async function countUse(
  db: D1Database,
  scope: LimitScope,
  keyHash: string,
  limit: number,
  now: Date,
): Promise<boolean> {
  return (await countIn(db, scope, keyHash, hourOf(now))) <= limit
}

/**
 * Counts one more use of `scope` by `keyHash` in `window` (an hour `2026-11-23T09` or a day
 * `2026-11-23`: both are pruned two days on) and returns the count, this one included.
 */
export async function countIn(
  db: D1Database,
  scope: LimitScope,
  keyHash: string,
  window: string,
): Promise<number> {
  const row = await db
    .prepare(
      `INSERT INTO rate_counters (scope, key_hash, window, count) VALUES (?1, ?2, ?3, 1)
       ON CONFLICT (scope, key_hash, window) DO UPDATE SET count = count + 1
       RETURNING count`,
    )
    .bind(scope, keyHash, window)
    .first<{ count: number }>()
  return row?.count ?? 1
}

/** Whether `scope` by `keyHash` is still within `limit` this hour, counting nothing. */
export async function withinLimit(
  db: D1Database,
  scope: LimitScope,
  keyHash: string,
  limit: number,
  now: Date,
): Promise<boolean> {
  return (await countSoFar(db, scope, keyHash, hourOf(now))) < limit
}

/** The uses of `scope` by `keyHash` counted in `window`, counting nothing. */
export async function countSoFar(db: D1Database, scope: LimitScope, keyHash: string, window: string) {
  const row = await db
    .prepare('SELECT count FROM rate_counters WHERE scope = ?1 AND key_hash = ?2 AND window = ?3')
    .bind(scope, keyHash, window)
    .first<{ count: number }>()
  return row?.count ?? 0
}
