import type { D1Database, D1PreparedStatement } from '@cloudflare/workers-types'
import type { Channel, TenantSettings } from '../../shared/contract'
import { sendWithoutRow } from '../channels/texts-without-row'
import type { Env } from '../env'
import { rotateManageToken } from '../resident/link-tokens'
import { type Guard, guarded, loadResident, scheduleStatement } from '../resident/resident'
import type { SubscriberRow } from '../resident/rows'
import { hashToken, newToken } from '../resident/tokens'
import { linkSegment } from '../shards/links'
import { maskAddress } from '../web/mask'
import { undoNoticeMessage } from './address-messages'

// "This was not me": a proved change of address leaves the address it replaced a link, valid 14
// days, that puts it back and ends every manage link given before (whoever changed it holds one).

export const undoLifetimeDays = 14
const DAY_MS = 86_400_000

export interface Previous {
  channel: Channel
  address: string
}

/** The "not me" link of a change about to commit: its token, and the row to write in the change's batch. */
export interface UndoLink extends Previous {
  token: string
}

/** The statement that records the address a change replaces, to run (guarded) in the change's batch. */
export async function recordChange(
  db: D1Database,
  subscriberId: string,
  tenant: string,
  previous: Previous,
  now: Date,
  guard: Guard,
): Promise<{ undo: UndoLink; statement: D1PreparedStatement }> {
  const token = newToken()
  const statement = db
    .prepare(
      `INSERT INTO address_changes (token_hash, subscriber_id, tenant_slug, channel, address, expires_at, created_at)
       SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7 WHERE ${guard.sql}`,
    )
    .bind(
      await hashToken(token),
      subscriberId,
      tenant,
      previous.channel,
      previous.address,
      new Date(now.getTime() + undoLifetimeDays * DAY_MS).toISOString(),
      now.toISOString(),
      ...guard.binds,
    )
  return { undo: { ...previous, token }, statement }
}

/** The tenant's provider said not to write to this address again (a bounce, an unfollow, STOP). */
export async function suppressedFor(db: D1Database, tenant: string, channel: Channel, address: string) {
  return db
    .prepare('SELECT reason FROM suppressions WHERE tenant_slug = ?1 AND channel = ?2 AND address = ?3')
    .bind(tenant, channel, address)
    .first<string>('reason')
}

/**
 * Tells the replaced address, through its own channel, where messages go now (masked) and how to
 * undo it. Nothing goes to an address the town's provider refuses. Never throws.
 */
export async function sendUndoNotice(
  env: Env,
  tenant: TenantSettings,
  shard: { shard: number; db: D1Database },
  origin: string,
  undo: UndoLink,
  now: { channel: Channel; address: string },
): Promise<void> {
  if (await suppressedFor(shard.db, tenant.slug, undo.channel, undo.address)) return
  const url = `${origin.replace(/\/$/, '')}/u/${linkSegment(shard.shard, undo.token)}`
  const tokenHash = await hashToken(undo.token)
  const key = `undo/${tokenHash.slice(0, 32)}`
  const masked = now.channel === 'line' ? 'LINE' : maskAddress(now.channel, now.address)
  // Worded in the language of the subscriber whose address changed (the change names them).
  const reader = await shard.db
    .prepare(
      `SELECT s.language FROM address_changes a JOIN subscribers s ON s.id = a.subscriber_id
       WHERE a.token_hash = ?1`,
    )
    .bind(tokenHash)
    .first<{ language: string }>()
  const message = undoNoticeMessage(tenant, undo, url, masked, key, reader?.language)
  const sent = await sendWithoutRow(env, tenant, message, new Date(), shard.db)
  if (sent.outcome !== 'sent') console.warn('undo notice not sent', sent.outcome, sent.error)
}

export interface AddressChange extends Previous {
  tokenHash: string
  subscriberId: string
  tenantSlug: string
}

/** The open change a "not me" token names, or null (unknown, used or past its 14 days). */
export async function findChange(db: D1Database, token: string, now: Date): Promise<AddressChange | null> {
  return db
    .prepare(
      `SELECT token_hash AS tokenHash, subscriber_id AS subscriberId, tenant_slug AS tenantSlug, channel, address
       FROM address_changes WHERE token_hash = ?1 AND used_at IS NULL AND expires_at > ?2`,
    )
    .bind(await hashToken(token), now.toISOString())
    .first<AddressChange>()
}

export type Undone = { ok: true; manageToken: string; replaced: string } | { ok: false }

/**
 * Puts the replaced address back, in one batch with the link spent last (everything before it
 * guarded by its being unspent, so a second press writes nothing): the address, the schedule as
 * its state leaves it, a new manage link (every earlier one ends), and the end of everything the
 * other person started — changes waiting for proof, other "not me" links, a deletion request.
 * An address the town's provider refuses is put back paused, as a bounce would leave it.
 */
export async function undoChange(
  db: D1Database,
  tenant: TenantSettings,
  secret: string,
  change: AddressChange,
  now: Date,
): Promise<Undone> {
  const at = now.toISOString()
  const resident = await loadResident(db, change.subscriberId)
  const current = await db
    .prepare('SELECT channel, address, manage_generation AS generation FROM subscribers WHERE id = ?1')
    .bind(change.subscriberId)
    .first<{ channel: Channel; address: string; generation: number }>()
  if (!resident || !current) return { ok: false }
  const refused = await suppressedFor(db, tenant.slug, change.channel, change.address)
  const s = resident.subscriber
  const providerPause = s.state === 'paused' && s.pausedUntil === null
  // A stop (the resident's own, or one racing this) is never undone here; SQLite reads the old row
  // in every SET expression, so the CASEs below decide on the state as it was.
  const after: Pick<SubscriberRow, 'state' | 'pausedUntil' | 'stateReason'> =
    s.state === 'stopped'
      ? s
      : refused
        ? { state: 'paused', pausedUntil: null, stateReason: `suppressed: ${refused}` }
        : providerPause
          ? { state: 'active', pausedUntil: null, stateReason: null }
          : s
  const unspent: Guard = {
    sql: 'EXISTS (SELECT 1 FROM address_changes WHERE token_hash = ? AND used_at IS NULL)',
    binds: [change.tokenHash],
  }
  const rotation = await rotateManageToken(db, secret, change.subscriberId, current.generation, now)
  const results = await db.batch([
    db
      .prepare(
        `UPDATE subscribers SET channel = ?2, address = ?3, address_verified_at = ?4, updated_at = ?4, ${
          refused
            ? `state = CASE WHEN state = 'stopped' THEN state ELSE 'paused' END,
               paused_until = CASE WHEN state = 'stopped' THEN paused_until END,
               state_reason = CASE WHEN state = 'stopped' THEN state_reason ELSE ?5 END`
            : `state = CASE WHEN state = 'paused' AND paused_until IS NULL THEN 'active' ELSE state END,
               state_reason = CASE WHEN state = 'paused' AND paused_until IS NULL THEN NULL ELSE state_reason END`
        }
         WHERE ${guarded('id = ?1', unspent)}`,
      )
      .bind(
        change.subscriberId,
        change.channel,
        change.address,
        at,
        ...(refused ? [after.stateReason] : []),
        ...unspent.binds,
      ),
    ...(after.state === 'stopped'
      ? []
      : [scheduleStatement(db, tenant, { ...s, ...after, timelines: resident.timelines }, now, unspent)]),
    db
      .prepare(`DELETE FROM delivery_failures WHERE ${guarded('subscriber_id = ?1', unspent)}`)
      .bind(change.subscriberId, ...unspent.binds),
    db
      .prepare(
        `UPDATE verifications SET used_at = ?2
         WHERE ${guarded("subscriber_id = ?1 AND purpose = 'change' AND used_at IS NULL", unspent)}`,
      )
      .bind(change.subscriberId, at, ...unspent.binds),
    db
      .prepare(`DELETE FROM deletion_requests WHERE ${guarded('subscriber_id = ?1', unspent)}`)
      .bind(change.subscriberId, ...unspent.binds),
    ...rotation.statements,
    db
      .prepare(
        `UPDATE address_changes SET used_at = ?3
         WHERE ${guarded('subscriber_id = ?1 AND token_hash <> ?2 AND used_at IS NULL', unspent)}`,
      )
      .bind(change.subscriberId, change.tokenHash, at, ...unspent.binds),
    db
      .prepare('UPDATE address_changes SET used_at = ?2 WHERE token_hash = ?1 AND used_at IS NULL')
      .bind(change.tokenHash, at),
  ])
  if (!results.at(-1)?.meta.changes) return { ok: false }
  const replaced = current.channel === 'line' ? 'LINE' : maskAddress(current.channel, current.address)
  return { ok: true, manageToken: rotation.token, replaced }
}
