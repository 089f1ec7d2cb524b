import { env } from 'cloudflare:workers'
import type { D1Database } from '@cloudflare/workers-types'
import { householdBinds, householdTables } from '../../../edge/manage/household-rows'
import { ensureStandingTokens, standingToken } from '../../../edge/resident/link-tokens'
import { storeSnapshot } from '../../../edge/snapshot/store'
import { prepareSnapshot, type TenantPart } from '../../../shared/contract'
import { fixtureNationalPart, fixtureTenantParts } from '../../../shared/contract/fixture'
import { shardOf } from './shards'

export const [sakura, minato] = fixtureTenantParts as [TenantPart, TenantPart]

/**
 * The fixture's towns (changed as given) and any others, published as the ingest API does: each
 * new town placed on the emptiest shard in manifest order, so さくら市 is on shard 1 and みなと町
 * on shard 2.
 */
export async function storeOnTwoShards(
  id: string,
  towns: { sakura?: TenantPart; minato?: TenantPart; others?: TenantPart[] } = {},
): Promise<void> {
  const parts = [fixtureNationalPart, towns.sakura ?? sakura, towns.minato ?? minato, ...(towns.others ?? [])]
  const snapshot = await prepareSnapshot({ id, createdAt: '2026-11-21T00:00:00.000Z', parts })
  await storeSnapshot(env.DB, snapshot, new Date(), env)
}

/**
 * An active resident written straight into their town's shard (みなと町 on LINE unless told), due in
 * `dueInDays`, with a consent and their standing links stored; returns their paths with the shard's
 * prefix and the bare tokens.
 */
export async function residentInShard(
  id: string,
  options: { tenant?: string; channel?: 'email' | 'sms' | 'line'; due?: string; nextSendOn?: string } = {},
) {
  const tenant = options.tenant ?? 'minato-town'
  const channel = options.channel ?? 'line'
  const db = await shardOf(tenant)
  const at = '2026-11-01T00:00:00.000Z'
  const address = channel === 'email' ? `${id}@example.jp` : channel === 'sms' ? '+819012345678' : `U${id}`
  await db.batch([
    db
      .prepare(
        `INSERT INTO subscribers (id, tenant_slug, nickname, audience, language, channel, address, state,
                                  next_send_on, address_verified_at, created_at, updated_at)
         VALUES (?1, ?2, 'はな', 'primary', 'ja', ?3, ?4, 'active', ?5, ?6, ?6, ?6)`,
      )
      .bind(id, tenant, channel, address, options.nextSendOn ?? '2027-01-05', at),
    db
      .prepare(
        'INSERT INTO timelines (id, tenant_slug, due_date, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)',
      )
      .bind(`t-${id}`, tenant, options.due ?? '2027-04-15', at),
    db
      .prepare('INSERT INTO timeline_members (timeline_id, subscriber_id) VALUES (?1, ?2)')
      .bind(`t-${id}`, id),
    db
      .prepare(
        `INSERT INTO consents (subscriber_id, tenant_slug, notice_version, method, ip_hash, given_at)
         VALUES (?1, ?2, 'v1', 'web-form', 'ip', ?3)`,
      )
      .bind(id, tenant, at),
    await ensureStandingTokens(db, env.LINK_SECRET!, [id], ['manage', 'stop'], new Date()),
  ])
  const shard = db === env.DB ? 1 : 2
  const manageToken = await standingToken(env.LINK_SECRET!, id, 'manage')
  const stopToken = await standingToken(env.LINK_SECRET!, id, 'stop')
  return {
    id,
    address,
    manageToken,
    stopToken,
    manage: `/r/${shard}${manageToken}`,
    stop: `/s/${shard}${stopToken}`,
  }
}

/**
 * How many rows of each table that holds a resident's data name these subscribers (or their
 * timelines) in one database; tables with none are left out.
 */
export async function rowsOf(
  db: D1Database,
  subscribers: readonly string[],
  timelines: readonly string[] = [],
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const { table, where } of householdTables) {
    const n = await db
      .prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`)
      .bind(...householdBinds(where, { subscribers: [...subscribers], timelines: [...timelines] }))
      .first<number>('n')
    if (n) counts[table] = n
  }
  return counts
}
