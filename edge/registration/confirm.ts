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
  /** The confirming connection's hashed IP: the consent's, when it is given here (a counter registration). */
  ipHash = '',
): Promise<string | null> {
  const at = now.toISOString()
  const unspent = unspentToken(grant.tokenHash)
  const active = { ...resident.subscriber, state: 'active' as const, timelines: resident.timelines }
  const results = await db.batch([
    // Registered at the counter by staff: no consent yet, so pressing "confirm" is the resident's own.
    db
      .prepare(
        `INSERT INTO consents (subscriber_id, tenant_slug, notice_version, method, ip_hash, given_at)
         SELECT ?1, ?2, ?3, ?4, ?5, ?6
          WHERE ${guarded('NOT EXISTS (SELECT 1 FROM consents WHERE subscriber_id = ?1)', unspent)}`,
      )
      .bind(
        grant.subscriberId,
        tenant.slug,
        tenant.privacyNotice.version,
        `counter-confirm/${resident.subscriber.channel}`,
        ipHash,
        at,
        ...unspent.binds,
      ),
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
