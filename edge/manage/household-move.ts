import type { D1Database, D1PreparedStatement } from '@cloudflare/workers-types'
import type { TenantSettings } from '../../shared/contract'
import type { Env } from '../env'
import { requireLinkSecret, standingToken } from '../resident/link-tokens'
import { scheduleStatement } from '../resident/resident'
import type { Resident } from '../resident/rows'
import { hashToken } from '../resident/tokens'
import type { ActionResult } from './actions'
import {
  deleteStatements,
  type HouseholdRows,
  householdOf,
  insertStatements,
  linkHashes,
  type Row,
  readHousehold,
} from './household-rows'
import { householdMovedReason, languageIn, type MoveConsent } from './move-rules'

interface Shard {
  shard: number
  db: D1Database
}

/**
 * A move to a town whose residents live in another shard. A timeline lives in one database, so the
 * whole household goes: the new shard gets every row of theirs (subscribers, timelines, members,
 * consents, tokens, deliveries for the message pages, consultations, survey answers, proofs…) as
 * the move leaves them, in one batch; only then does the old shard lose them, in one batch that
 * also leaves a forward for each of their links, so every link already sent opens in the new
 * shard. A failure between the two leaves the old shard as it was and the move can simply be made
 * again: the new shard's batch first deletes what an earlier attempt wrote there.
 *
 * The one who moves agrees to the new town's notice here; the others' consents are withdrawn and
 * they are stopped (`householdMovedReason`) until they agree on their own manage page.
 */
export async function moveHousehold(input: {
  env: Env
  from: Shard
  to: Shard & { tenant: TenantSettings }
  resident: Resident
  consent: MoveConsent
  now: Date
}): Promise<ActionResult> {
  const { env, from, to, resident, now } = input
  const mover = resident.subscriber
  const household = await householdOf(from.db, mover.id)
  if (!household)
    return {
      ok: false,
      problem: {
        ja: 'ご家族の登録が多いため、ここでは引っ越しの手続きができません。窓口にご相談ください',
        en: 'Your household is too large to move here; please ask the desk',
      },
    }
  const rows = await readHousehold(from.db, household)
  const at = now.toISOString()
  const moved = asMoved(rows, to.tenant, mover.id, at)
  const hashes = [...linkHashes(rows), ...(await standingHashes(env, rows))]

  await to.db.batch([
    ...forEachChunk(hashes, (chunk) =>
      to.db
        .prepare('DELETE FROM link_forwards WHERE token_hash IN (SELECT value FROM json_each(?1))')
        .bind(chunk),
    ),
    ...deleteStatements(to.db, household),
    ...insertStatements(to.db, moved),
    to.db
      .prepare(
        `INSERT INTO consents (subscriber_id, tenant_slug, notice_version, method, ip_hash, given_at)
         VALUES (?1, ?2, ?3, 'move/web-form', ?4, ?5)`,
      )
      .bind(mover.id, to.tenant.slug, to.tenant.privacyNotice.version, input.consent.ipHash, at),
    // Recomputed in the new tenant's program and time zone, and written with the move itself.
    scheduleStatement(to.db, to.tenant, { ...mover, timelines: resident.timelines }, now),
  ])
  await from.db.batch([
    ...forEachChunk(hashes, (chunk) =>
      from.db
        .prepare(
          `INSERT INTO link_forwards (token_hash, shard) SELECT value, ?2 FROM json_each(?1) WHERE true
           ON CONFLICT (token_hash) DO UPDATE SET shard = excluded.shard`,
        )
        .bind(chunk, to.shard),
    ),
    ...deleteStatements(from.db, household),
  ])
  return { ok: true }
}

/** The household's rows as the move leaves them: in the new town, the others stopped, consents withdrawn. */
function asMoved(rows: HouseholdRows, to: TenantSettings, moverId: string, at: string): HouseholdRows {
  const change = (table: string, edit: (row: Row) => Row) =>
    [table, (rows.get(table) ?? []).map(edit)] as const
  const moved = new Map(rows)
  for (const [table, list] of [
    change('subscribers', (row) => ({
      ...row,
      tenant_slug: to.slug,
      language: languageIn(to, String(row.language)),
      updated_at: at,
      ...(row.id === moverId
        ? { state_reason: 'moved-in' }
        : row.state === 'stopped'
          ? {}
          : { state: 'stopped', next_send_on: null, paused_until: null, state_reason: householdMovedReason }),
    })),
    change('timelines', (row) => ({ ...row, tenant_slug: to.slug, updated_at: at })),
    change('consents', (row) => ({ ...row, withdrawn_at: row.withdrawn_at ?? at })),
  ])
    moved.set(table, list)
  // The new town assigns its own nurse and keeps its own references; the old town's staff messages
  // (and their deliveries) stay the old town's and go with the household's departure from it.
  moved.set('household_nurses', [])
  moved.set('household_references', [])
  moved.set('staff_messages', [])
  moved.set(
    'deliveries',
    (moved.get('deliveries') ?? []).filter((row) => row.kind !== 'staff'),
  )
  return moved
}

/**
 * The hashes of their stop and current manage links, derived as every message builds them, in case
 * a delivery batch has not stored them yet.
 */
async function standingHashes(env: Env, rows: HouseholdRows): Promise<string[]> {
  const secret = requireLinkSecret(env.LINK_SECRET)
  const hashes: string[] = []
  for (const row of rows.get('subscribers') ?? []) {
    const id = String(row.id)
    hashes.push(await hashToken(await standingToken(secret, id, 'stop')))
    hashes.push(
      await hashToken(await standingToken(secret, id, 'manage', Number(row.manage_generation ?? 0))),
    )
  }
  return hashes
}

/** One statement per 1,000 hashes, each given the chunk as a JSON array. */
function forEachChunk(hashes: readonly string[], statement: (chunk: string) => D1PreparedStatement) {
  const unique = [...new Set(hashes)]
  const statements: D1PreparedStatement[] = []
  for (let i = 0; i < unique.length; i += 1000)
    statements.push(statement(JSON.stringify(unique.slice(i, i + 1000))))
  return statements
}
