import { createScheduledController } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import type { D1Database } from '@cloudflare/workers-types'
import { beforeAll, describe, expect, it } from 'vitest'
import worker from '../../edge/index'
import { sweepRetention } from '../../edge/resident/retention'
import { suppressAddress } from '../../edge/resident/suppression'
import { storeSnapshot } from '../../edge/snapshot/store'
import type { TenantSettings } from '../../shared/contract'
import { fixtureNationalPart, fixtureSnapshot, fixtureTenantParts } from '../../shared/contract/fixture'
import { prepareSnapshot } from '../../shared/contract/snapshot'
import { deleteMyData } from './support/deletion'
import {
  dateFromToday,
  get,
  linkInOutbox,
  post,
  registeredResident,
  subscriberByAddress,
  validRegistration,
} from './support/resident-http'
import { shardNumberOf, shardOf } from './support/shards'
import { outboxFor } from './support/verification'

// Placed as the ingest places them: sakura-city on shard 1 (main), minato-town on shard 2.
beforeAll(async () => {
  await storeSnapshot(env.DB, await fixtureSnapshot(), new Date(), env)
})

const DAY = 86_400_000
const later = (days: number) => new Date(Date.now() + days * DAY)
const tenants = fixtureTenantParts.map((p) => p.tenant)

async function rows(sql: string, ...values: unknown[]) {
  return (
    await env.DB.prepare(sql)
      .bind(...values)
      .all<Record<string, unknown>>()
  ).results
}

async function inactiveSince(address: string) {
  const [row] = await rows('SELECT inactive_since AS since FROM subscribers WHERE address = ?1', address)
  return row?.since as string | null | undefined
}

async function erased(tenant: string, reason: string, db: D1Database = env.DB): Promise<number> {
  const row = await db
    .prepare('SELECT COALESCE(SUM(count), 0) AS n FROM erasures WHERE tenant_slug = ?1 AND reason = ?2')
    .bind(tenant, reason)
    .first<{ n: number }>()
  return row!.n
}

/** Residents of the tenant who stopped, written straight into the given database. */
async function stoppedResidents(db: D1Database, tenant: string, ids: readonly string[]) {
  await db
    .prepare(
      `INSERT INTO subscribers (id, tenant_slug, nickname, audience, language, channel, address, state, next_send_on, created_at, updated_at)
       SELECT value, ?2, 'はな', 'primary', 'ja', 'email', value || '@example.jp', 'stopped', NULL, ?3, ?3 FROM json_each(?1)`,
    )
    .bind(JSON.stringify(ids), tenant, '2026-11-20T00:00:00.000Z')
    .run()
}

async function left(db: D1Database, ids: readonly string[]) {
  const row = await db
    .prepare('SELECT COUNT(*) AS n FROM subscribers WHERE id IN (SELECT value FROM json_each(?1))')
    .bind(JSON.stringify(ids))
    .first<{ n: number }>()
  return row!.n
}

/** Resend reported a bounce for this address: what the webhook does. */
function bounced(address: string) {
  return suppressAddress(env.DB, {
    tenant: 'sakura-city',
    channel: 'email',
    address,
    reason: 'bounced',
    eventId: crypto.randomUUID(),
    now: new Date(),
  })
}

/** A cron tick at a time when no tenant's send time has come (05:00 in Tokyo), days from now. */
async function tickAt(days: number) {
  const at = later(days)
  at.setUTCHours(20, 0, 0, 0)
  await worker.scheduled(createScheduledController({ cron: '*/5 * * * *', scheduledTime: at }), env)
}

describe('retention: residents are deleted the tenant’s days after they stop or their last timeline ends', () => {
  it('from the cron tick: a stopped resident is kept 90 days, then deleted with everything, leaving a count', async () => {
    const { manage, address } = await registeredResident()
    const id = (await subscriberByAddress(address))!.id
    const [timeline] = await rows(
      'SELECT timeline_id AS id FROM timeline_members WHERE subscriber_id = ?1',
      id,
    )
    expect((await post(`${manage}/stop`, {})).status).toBe(200)
    const before = await erased('sakura-city', 'retention')

    await tickAt(0)
    const since = await inactiveSince(address)
    expect(since).toBeTruthy()
    await tickAt(88)
    expect(await subscriberByAddress(address)).not.toBeNull()

    await tickAt(92)
    expect(await subscriberByAddress(address)).toBeNull()
    for (const [table, column, value] of [
      ['timelines', 'id', timeline!.id],
      ['consents', 'subscriber_id', id],
      ['access_tokens', 'subscriber_id', id],
      ['deliveries', 'subscriber_id', id],
      ['timeline_members', 'subscriber_id', id],
    ] as const) {
      const [row] = await rows(`SELECT COUNT(*) AS n FROM ${table} WHERE ${column} = ?1`, value)
      expect([table, row!.n]).toEqual([table, 0])
    }
    expect(await erased('sakura-city', 'retention')).toBe(before + 1)
    expect((await get(manage)).status).toBe(404)
  })

  it('counts from the day every timeline ended, not from registration', async () => {
    const { address } = await registeredResident()
    expect(await inactiveSince(address)).toBeNull()
    await sweepRetention(env.DB, tenants, new Date())
    expect(await inactiveSince(address)).toBeNull() // still receiving: no clock
    // The last message went out: the consumer leaves next_send_on empty.
    await env.DB.prepare('UPDATE subscribers SET next_send_on = NULL WHERE address = ?1').bind(address).run()
    const ended = later(30)
    await sweepRetention(env.DB, tenants, ended)
    expect(await inactiveSince(address)).toBe(ended.toISOString())
    await sweepRetention(env.DB, tenants, later(100))
    expect(await subscriberByAddress(address)).not.toBeNull() // 70 days after the end
    await sweepRetention(env.DB, tenants, later(121))
    expect(await subscriberByAddress(address)).toBeNull()
  })

  it('spares someone who has something due again since the clock started', async () => {
    const { address } = await registeredResident()
    await env.DB.prepare('UPDATE subscribers SET next_send_on = NULL WHERE address = ?1').bind(address).run()
    await sweepRetention(env.DB, tenants, new Date())
    expect(await inactiveSince(address)).toBeTruthy()
    // e.g. a republished program that runs longer gives them a next send again.
    await env.DB.prepare("UPDATE subscribers SET next_send_on = '2099-01-01' WHERE address = ?1")
      .bind(address)
      .run()
    const report = await sweepRetention(env.DB, tenants, later(91))
    expect(report.revived).toBeGreaterThanOrEqual(1)
    expect(await subscriberByAddress(address)).not.toBeNull()
    expect(await inactiveSince(address)).toBeNull()
  })

  it('keeps the timeline a partner still follows when the primary is deleted', async () => {
    const primary = await registeredResident()
    const partner = await registeredResident({ audience: 'partner' })
    const p = (await subscriberByAddress(primary.address))!.id
    const q = (await subscriberByAddress(partner.address))!.id
    const [shared] = await rows('SELECT timeline_id AS id FROM timeline_members WHERE subscriber_id = ?1', p)
    await env.DB.prepare('INSERT INTO timeline_members (timeline_id, subscriber_id) VALUES (?1, ?2)')
      .bind(shared!.id, q)
      .run()
    await post(`${primary.manage}/stop`, {})
    await sweepRetention(env.DB, tenants, new Date())
    await sweepRetention(env.DB, tenants, later(91))
    expect(await subscriberByAddress(primary.address)).toBeNull()
    const [kept] = await rows('SELECT COUNT(*) AS n FROM timeline_members WHERE timeline_id = ?1', shared!.id)
    expect(kept!.n).toBe(1)
    expect((await get(partner.manage)).status).toBe(200)
  })

  it('a resident the provider paused (a bounce: no end date) is deleted the tenant’s days after the pause', async () => {
    const { manage, address } = await registeredResident()
    const ownPause = await registeredResident()
    expect((await post(`${ownPause.manage}/pause`, { date: dateFromToday(30) })).status).toBe(303)
    await bounced(address)
    const page = await (await get(manage)).text()
    expect(page).toContain('お便りが届かなかったため、お休みしています')
    expect(page).toContain('お休みから90日後に登録内容を削除します')
    expect(page).toContain(`href="${manage}/address"`)
    const before = await erased('sakura-city', 'retention')

    await tickAt(0)
    expect(await inactiveSince(address)).toBeTruthy()
    expect(await inactiveSince(ownPause.address)).toBeNull() // their own pause ends on a date
    await tickAt(88)
    expect(await subscriberByAddress(address)).not.toBeNull()
    await tickAt(92)
    expect(await subscriberByAddress(address)).toBeNull()
    expect(await erased('sakura-city', 'retention')).toBe(before + 1)
    expect(await subscriberByAddress(ownPause.address)).not.toBeNull()
  })

  it('keeps a provider-paused resident who fixes the address from the manage page before the deadline', async () => {
    const { manage, address } = await registeredResident()
    await bounced(address)
    await tickAt(0)
    expect(await inactiveSince(address)).toBeTruthy()

    const fixed = `fixed-${crypto.randomUUID().slice(0, 8)}@example.jp`
    expect((await post(`${manage}/address`, { channel: 'email', address: fixed })).status).toBe(200)
    const [mail] = await outboxFor(fixed)
    const link = mail!.text.match(/http:\/\/edge\.test(\/v\/1[A-Za-z0-9_-]{22})/)![1]!
    expect((await post(link, {})).status).toBe(303)

    const resumed = await subscriberByAddress(fixed)
    expect(resumed).toMatchObject({ state: 'active' })
    expect(resumed!.nextSendOn).not.toBeNull()
    expect(await inactiveSince(fixed)).toBeNull()
    expect(await (await get(manage)).text()).not.toContain('お便りが届かなかったため')
    await tickAt(92)
    expect(await subscriberByAddress(fixed)).not.toBeNull()
  })

  it('deletes a registration never confirmed once its link expired, counted as unconfirmed', async () => {
    const fields = validRegistration()
    expect((await post('/t/sakura-city', fields, { ip: '198.51.100.251' })).status).toBe(303)
    await linkInOutbox(fields.address!, '/c/')
    await sweepRetention(env.DB, tenants, later(3))
    expect(await inactiveSince(fields.address!)).toBeNull() // the link is still good
    await sweepRetention(env.DB, tenants, later(8))
    expect(await inactiveSince(fields.address!)).toBeTruthy()
    const before = await erased('sakura-city', 'unconfirmed')
    await sweepRetention(env.DB, tenants, later(8 + 91))
    expect(await subscriberByAddress(fields.address!)).toBeNull()
    expect(await erased('sakura-city', 'unconfirmed')).toBe(before + 1)
  })

  it('"delete my data", once confirmed, is counted as requested', async () => {
    const { manage, address } = await registeredResident()
    const before = await erased('sakura-city', 'requested')
    expect(await deleteMyData(manage)).toBe('confirmed')
    expect(await subscriberByAddress(address)).toBeNull()
    expect(await erased('sakura-city', 'requested')).toBe(before + 1)
  })

  it('deletes in bounded batches; the next sweep carries on', async () => {
    const shard = await shardOf('minato-town')
    const ids = Array.from({ length: 25 }, (_, i) => `bulk-${i}`)
    await stoppedResidents(shard, 'minato-town', ids)
    const minato = tenants.filter((t) => t.slug === 'minato-town')
    const options = { batchSize: 10, maxBatches: 2 }
    await sweepRetention(shard, minato, new Date(), { batchSize: 100, maxBatches: 1 })
    const first = await sweepRetention(shard, minato, later(91), options)
    expect(first.deleted).toBe(20)
    const second = await sweepRetention(shard, minato, later(91), options)
    expect(second.deleted).toBe(5)
    expect(await left(shard, ids)).toBe(0)
    expect(await erased('minato-town', 'retention', shard)).toBe(25)
  })

  it('a town on shard 2: the cron tick sweeps its residents who left in shard 2, counted there', async () => {
    expect(await shardNumberOf('minato-town')).toBe(2)
    const shard = await shardOf('minato-town')
    const ids = ['minato-left-1', 'minato-left-2']
    await stoppedResidents(shard, 'minato-town', ids)
    const before = await erased('minato-town', 'retention', shard)

    await tickAt(0)
    const since = await shard
      .prepare('SELECT COUNT(*) AS n FROM subscribers WHERE id IN (?1, ?2) AND inactive_since IS NOT NULL')
      .bind(...ids)
      .first<number>('n')
    expect(since).toBe(2)
    await tickAt(88)
    expect(await left(shard, ids)).toBe(2)
    await tickAt(92)
    expect(await left(shard, ids)).toBe(0)
    expect(await erased('minato-town', 'retention', shard)).toBe(before + 2)
    // Nothing of the town's is counted in main.
    expect(await erased('minato-town', 'retention', env.DB)).toBe(0)
  })

  it('follows the days the tenant set', async () => {
    const shortKeep: TenantSettings = { ...fixtureTenantParts[0]!.tenant, retentionDays: 30 }
    await storeSnapshot(
      env.DB,
      await prepareSnapshot({
        id: 'retention-30',
        createdAt: '2026-11-21T00:00:00.000Z',
        parts: [
          fixtureNationalPart,
          { ...fixtureTenantParts[0]!, tenant: shortKeep },
          fixtureTenantParts[1]!,
        ],
      }),
    )
    const { manage, address } = await registeredResident()
    await post(`${manage}/stop`, {})
    await tickAt(0)
    await tickAt(29)
    expect(await subscriberByAddress(address)).not.toBeNull()
    await tickAt(31)
    expect(await subscriberByAddress(address)).toBeNull()
  })
})
