import type { D1Database } from '@cloudflare/workers-types'
import type { TenantSettings } from '../../shared/contract'
import { ensureStandingTokens, standingToken } from '../resident/link-tokens'
import { guarded, scheduleStatement } from '../resident/resident'
import type { Resident } from '../resident/rows'
import { spendTokenStatement, type TokenGrant, unspentToken } from '../resident/tokens'

/**
 * Double opt-in: the pending subscriber becomes active; returns their manage token. The schedule
 * is computed first, then activation, schedule, standing tokens and the spent link commit in one
 * batch: a failure leaves the registration pending and the link good. Everything is guarded by
 * the link being unspent, and the link is spent last, so a second request writes nothing.
 */
export async function confirmSubscription(
  db: D1Database,
  tenant: TenantSettings,
  resident: Resident,
  grant: TokenGrant,
  linkSecret: string,
  now: Date,
): Promise<string | null> {
  const at = now.toISOString()
  const unspent = unspentToken(grant.tokenHash)
  const active = { ...resident.subscriber, state: 'active' as const, timelines: resident.timelines }
  const results = await db.batch([
    db
      .prepare(
        `UPDATE subscribers SET state = 'active', address_verified_at = ?2, updated_at = ?2
         WHERE ${guarded("id = ?1 AND state = 'pending'", unspent)}`,
      )
      .bind(grant.subscriberId, at, ...unspent.binds),
    scheduleStatement(db, tenant, active, now, unspent),
    await ensureStandingTokens(db, linkSecret, [grant.subscriberId], ['manage', 'stop'], now),
    spendTokenStatement(db, grant.tokenHash, now),
  ])
  const used = results.at(-1)
  if (!used || used.meta.changes === 0) return null
  return standingToken(linkSecret, grant.subscriberId, 'manage')
}
