import type { D1Database } from '@cloudflare/workers-types'

/** How codes are limited; every number is per rolling clock hour unless it says otherwise. */
export const codeLimits = {
  /** Wrong codes against one code; then a new code is needed. */
  attemptsPerCode: 5,
  /** Codes one verification may send (the first and the resends). */
  sendsPerVerification: 3,
  /** Seconds before another code may be sent for the same verification. */
  resendAfterSeconds: 60,
  sendsPerIp: 10,
  sendsPerAddress: 5,
  triesPerIp: 30,
  triesPerAddress: 15,
} as const

export type LimitScope = 'code-send-ip' | 'code-send-address' | 'code-try-ip' | 'code-try-address'

const hourOf = (now: Date) => now.toISOString().slice(0, 13)

/** Counts one more use of `scope` by `keyHash` this hour; false once it is past `limit`. */
export async function countUse(
  db: D1Database,
  scope: LimitScope,
  keyHash: string,
  limit: number,
  now: Date,
): Promise<boolean> {
  const row = await db
    .prepare(
      `INSERT INTO rate_counters (scope, key_hash, window, count) VALUES (?1, ?2, ?3, 1)
       ON CONFLICT (scope, key_hash, window) DO UPDATE SET count = count + 1
       RETURNING count`,
    )
    .bind(scope, keyHash, hourOf(now))
    .first<{ count: number }>()
  return (row?.count ?? 1) <= limit
}

/** Whether `scope` by `keyHash` is still within `limit` this hour, counting nothing. */
export async function withinLimit(
  db: D1Database,
  scope: LimitScope,
  keyHash: string,
  limit: number,
  now: Date,
): Promise<boolean> {
  const row = await db
    .prepare('SELECT count FROM rate_counters WHERE scope = ?1 AND key_hash = ?2 AND window = ?3')
    .bind(scope, keyHash, hourOf(now))
    .first<{ count: number }>()
  return (row?.count ?? 0) < limit
}
