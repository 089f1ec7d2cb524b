import type { D1Database } from '@cloudflare/workers-types'
import type { Channel, TenantSettings } from '../../shared/contract'
import { sendWithoutRow } from '../channels/texts-without-row'
import type { Env } from '../env'
import { eraseStatements } from '../resident/erase'
import type { Resident } from '../resident/rows'
import { today } from '../resident/schedule'
import { hashToken, newToken } from '../resident/tokens'
import { linkSegment } from '../shards/links'
import { deletionConfirmMessage } from './deletion-messages'

// "Delete my data" from the manage page — which whoever holds a forwarded link can press — is
// confirmed through the resident's current address (/d/{shard}{token}); when that address cannot be
// reached, the deletion is done by the cron 7 days on unless cancelled on the manage page.

export const deletionWaitDays = 7
const DAY_MS = 86_400_000
/** A confirmation sent this recently is not sent again (a double press, or someone pressing on). */
const resendAfterMs = 3_600_000

export interface PendingDeletion {
  /** When the cron deletes (the confirmation could not be delivered); null while it waits for the link. */
  deleteAfter: string | null
  expiresAt: string
  createdAt: string
}

/** The deletion waiting for this subscriber, if any (a lapsed confirmation is none). */
export async function pendingDeletion(
  db: D1Database,
  subscriberId: string,
  now: Date,
): Promise<PendingDeletion | null> {
  return db
    .prepare(
      `SELECT delete_after AS deleteAfter, expires_at AS expiresAt, created_at AS createdAt
       FROM deletion_requests WHERE subscriber_id = ?1 AND (delete_after IS NOT NULL OR expires_at > ?2)`,
    )
    .bind(subscriberId, now.toISOString())
    .first<PendingDeletion>()
}

export type Requested = { kind: 'sent' } | { kind: 'scheduled'; deleteAfter: string }

/**
 * Asks the current address to confirm the deletion. An address the town's provider refuses, a
 * provider's pause (no end date) or a send that did not surely go out schedules it instead.
 */
export async function requestDeletion(
  env: Env,
  shard: { shard: number; db: D1Database },
  tenant: TenantSettings,
  resident: Resident,
  origin: string,
  now: Date,
): Promise<Requested> {
  const { db } = shard
  const id = resident.subscriber.id
  const waiting = await pendingDeletion(db, id, now)
  if (waiting?.deleteAfter) return { kind: 'scheduled', deleteAfter: waiting.deleteAfter }
  if (waiting && now.getTime() - Date.parse(waiting.createdAt) < resendAfterMs) return { kind: 'sent' }
  const to = await db
    .prepare(
      `SELECT s.channel, s.address, s.language, (SELECT 1 FROM suppressions x WHERE x.tenant_slug = s.tenant_slug
                 AND x.channel = s.channel AND x.address = s.address) AS refused
       FROM subscribers s WHERE s.id = ?1`,
    )
    .bind(id)
    .first<{ channel: Channel; address: string; language: string; refused: number | null }>()
  if (!to) return { kind: 'sent' }
  const { subscriber } = resident
  const unreachable =
    to.refused !== null || (subscriber.state === 'paused' && subscriber.pausedUntil === null)
  const token = newToken()
  const hash = await hashToken(token)
  const at = now.toISOString()
  const deleteAfter = new Date(now.getTime() + deletionWaitDays * DAY_MS).toISOString()
  await db.batch([
    db.prepare('DELETE FROM deletion_requests WHERE subscriber_id = ?1').bind(id),
    db
      .prepare(
        `INSERT INTO deletion_requests (subscriber_id, token_hash, tenant_slug, expires_at, delete_after, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)`,
      )
      .bind(id, hash, tenant.slug, deleteAfter, unreachable ? deleteAfter : null, at),
  ])
  if (unreachable) return { kind: 'scheduled', deleteAfter }
  const url = `${origin.replace(/\/$/, '')}/d/${linkSegment(shard.shard, token)}`
  const message = deletionConfirmMessage(tenant, to, url, `delete/${hash.slice(0, 32)}`, deletionWaitDays)
  const sent = await sendWithoutRow(env, tenant, message, now, db)
  if (sent.outcome === 'sent') return { kind: 'sent' }
  console.warn('deletion confirmation not sent', sent.outcome, sent.error)
  await db
    .prepare('UPDATE deletion_requests SET delete_after = ?3 WHERE subscriber_id = ?1 AND token_hash = ?2')
    .bind(id, hash, deleteAfter)
    .run()
  return { kind: 'scheduled', deleteAfter }
}

/** The subscriber a deletion link confirms for (and their language), while it is open. */
export async function findDeletion(
  db: D1Database,
  token: string,
  now: Date,
): Promise<{ subscriberId: string; tenantSlug: string; language: string } | null> {
  return db
    .prepare(
      `SELECT d.subscriber_id AS subscriberId, d.tenant_slug AS tenantSlug, s.language
       FROM deletion_requests d JOIN subscribers s ON s.id = d.subscriber_id
       WHERE d.token_hash = ?1 AND d.expires_at > ?2`,
    )
    .bind(await hashToken(token), now.toISOString())
    .first()
}

/**
 * When a deletion confirmed now may happen: at once, or — while the address a recent change
 * replaced may still say "this was not me" — when its last such link ends, so that whoever changed
 * the address cannot delete before the owner can undo (the undo cancels the request).
 */
export async function undoWindowEnd(db: D1Database, subscriberId: string, now: Date): Promise<string | null> {
  return db
    .prepare(
      `SELECT max(expires_at) AS until FROM address_changes
       WHERE subscriber_id = ?1 AND used_at IS NULL AND expires_at > ?2`,
    )
    .bind(subscriberId, now.toISOString())
    .first<string | null>('until')
}

/** The confirmed deletion put off until `until`, for the cron. */
export async function deleteLater(db: D1Database, subscriberId: string, until: string): Promise<void> {
  await db
    .prepare('UPDATE deletion_requests SET delete_after = ?2 WHERE subscriber_id = ?1')
    .bind(subscriberId, until)
    .run()
}

export async function cancelDeletion(db: D1Database, subscriberId: string): Promise<void> {
  await db.prepare('DELETE FROM deletion_requests WHERE subscriber_id = ?1').bind(subscriberId).run()
}

/**
 * The cron's chore in one shard: deletes (as the resident asked, counted 'requested') those whose
 * day has come, at most `limit`, and forgets confirmations that lapsed unanswered.
 */
export async function deleteDue(
  db: D1Database,
  tenants: readonly TenantSettings[],
  now: Date,
  limit = 50,
): Promise<{ deleted: number; lapsed: number }> {
  const at = now.toISOString()
  const { results } = await db
    .prepare(
      `SELECT subscriber_id AS id FROM deletion_requests
       WHERE delete_after IS NOT NULL AND delete_after <= ?1 AND tenant_slug IN (SELECT value FROM json_each(?2))
       ORDER BY delete_after LIMIT ?3`,
    )
    .bind(at, JSON.stringify(tenants.map((t) => t.slug)), limit)
    .all<{ id: string }>()
  const dates = Object.fromEntries(tenants.map((t) => [t.slug, today(t, now)]))
  const ids = results.map((r) => r.id)
  if (ids.length > 0) await db.batch(eraseStatements(db, ids, 'requested', dates))
  const lapsed = await db
    .prepare('DELETE FROM deletion_requests WHERE delete_after IS NULL AND expires_at <= ?1')
    .bind(at)
    .run()
  return { deleted: ids.length, lapsed: lapsed.meta.changes }
}
