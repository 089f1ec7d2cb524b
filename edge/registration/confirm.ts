import type { D1Database } from '@cloudflare/workers-types'
import type { TenantSettings } from '../../shared/contract'
import { ensureStandingTokens, standingToken } from '../resident/link-tokens'
import { refreshSchedule } from '../resident/resident'
import { spendTokenStatement, type TokenGrant } from '../resident/tokens'

/** Double opt-in: the pending subscriber becomes active; returns their manage token. */
export async function confirmSubscription(
  db: D1Database,
  tenant: TenantSettings,
  grant: TokenGrant,
  linkSecret: string,
  now: Date,
): Promise<string | null> {
  const at = now.toISOString()
  const [used] = await db.batch([
    spendTokenStatement(db, grant.tokenHash, now),
    db
      .prepare(
        `UPDATE subscribers SET state = 'active', address_verified_at = ?2, updated_at = ?2
         WHERE id = ?1 AND state = 'pending'`,
      )
      .bind(grant.subscriberId, at),
    await ensureStandingTokens(db, linkSecret, [grant.subscriberId], ['manage', 'stop'], now),
  ])
  if (!used || used.meta.changes === 0) return null
  await refreshSchedule(db, tenant, grant.subscriberId, now)
  return standingToken(linkSecret, grant.subscriberId, 'manage')
}
