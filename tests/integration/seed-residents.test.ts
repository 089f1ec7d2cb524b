import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { D1Database } from '@cloudflare/workers-types'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openLocalD1 } from '../../dev/local-worker'
import { residentTenants, seedResidents } from '../../seed/residents'
import { addDays } from '../../shared/calendar'
import { nextSendOn } from '../../shared/program'

// Synthetic residents written straight into the local D1 that `wrangler dev --persist-to` uses,
// read back through the same D1 and checked against the program engine.
const today = '2026-11-23'
const count = 3000
let dir: string
let db: D1Database
let dispose: () => Promise<void>

const all = async <T>(sql: string) => (await db.prepare(sql).all<T>()).results

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'yorisoi-residents-'))
  ;({ db, dispose } = await openLocalD1(dir))
  await seedResidents(db, { count, today })
})

afterAll(async () => {
  await dispose?.()
  rmSync(dir, { recursive: true, force: true })
})

describe('seedResidents', () => {
  it('writes exactly N active subscribers, each with a consent and at least one timeline', async () => {
    const [row] = await all<{ subscribers: number; consents: number; orphans: number; states: string }>(
      `SELECT (SELECT count(*) FROM subscribers) AS subscribers,
              (SELECT count(*) FROM consents) AS consents,
              (SELECT count(*) FROM subscribers s WHERE NOT EXISTS
                 (SELECT 1 FROM timeline_members m WHERE m.subscriber_id = s.id)) AS orphans,
              (SELECT group_concat(DISTINCT state) FROM subscribers) AS states`,
    )
    expect(row).toEqual({ subscribers: count, consents: count, orphans: 0, states: 'active' })
  })

  it('spreads residents over the program, tenants, channels and languages', async () => {
    const [spread] = await all<Record<string, number>>(
      `SELECT
         avg(audience = 'partner') AS partners,
         avg(language = 'en') AS english,
         (SELECT avg(loss_date IS NOT NULL) FROM timelines) AS losses,
         (SELECT count(*) FROM (SELECT subscriber_id FROM timeline_members GROUP BY 1 HAVING count(*) > 1)) AS siblings,
         (SELECT count(*) FROM timelines WHERE birth_date IS NULL AND loss_date IS NULL) AS pregnancies,
         (SELECT count(*) FROM timelines WHERE birth_date < '${addDays(today, -730)}') AS overTwo
       FROM subscribers`,
    )
    expect(spread!.partners).toBeGreaterThan(0.1)
    expect(spread!.partners).toBeLessThan(0.18)
    expect(spread!.english).toBeGreaterThan(0.01)
    expect(spread!.english).toBeLessThan(0.1)
    expect(spread!.losses).toBeGreaterThan(0)
    expect(spread!.losses).toBeLessThan(0.03)
    expect(spread!.siblings).toBeGreaterThan(0)
    expect(spread!.pregnancies).toBeGreaterThan(count * 0.1)
    expect(spread!.overTwo).toBeGreaterThan(count * 0.1)

    // Partners follow the same timeline as a primary of the same household.
    const [unjoined] = await all<{ n: number }>(
      `SELECT count(*) AS n FROM subscribers s JOIN timeline_members m ON m.subscriber_id = s.id
       WHERE s.audience = 'partner' AND NOT EXISTS (SELECT 1 FROM timeline_members o JOIN subscribers p
         ON p.id = o.subscriber_id WHERE o.timeline_id = m.timeline_id AND p.audience = 'primary')`,
    )
    expect(unjoined!.n).toBe(0)

    // Each tenant only uses the channels and languages it offers, and the bigger ones have more residents.
    const byTenant = await all<{ tenant_slug: string; n: number; channels: string; languages: string }>(
      `SELECT tenant_slug, count(*) AS n, group_concat(DISTINCT channel) AS channels,
              group_concat(DISTINCT language) AS languages FROM subscribers GROUP BY 1`,
    )
    for (const tenant of residentTenants()) {
      const row = byTenant.find((r) => r.tenant_slug === tenant.slug)!
      expect(row.channels.split(',').sort()).toEqual([...tenant.channels].sort())
      expect(tenant.languages).toEqual(expect.arrayContaining(row.languages.split(',')))
    }
    const size = (slug: string) => byTenant.find((r) => r.tenant_slug === slug)!.n
    expect(size('komorebi-ward')).toBeGreaterThan(size('mizuhoshi-city'))
    expect(size('mizuhoshi-city')).toBeGreaterThan(size('sorairo-town'))
  })

  it('stores next_send_on exactly as the program engine computes it from the stored timelines', async () => {
    const rows = await all<{
      id: string
      next_send_on: string | null
      due_date: string | null
      birth_date: string | null
      loss_date: string | null
    }>(
      `SELECT s.id, s.next_send_on, t.due_date, t.birth_date, t.loss_date FROM subscribers s
       JOIN timeline_members m ON m.subscriber_id = s.id JOIN timelines t ON t.id = m.timeline_id ORDER BY s.id`,
    )
    const bySubscriber = new Map<string, typeof rows>()
    for (const row of rows) bySubscriber.set(row.id, [...(bySubscriber.get(row.id) ?? []), row])
    expect(bySubscriber.size).toBe(count)
    let mismatches = 0
    let due = 0
    for (const [, timelines] of bySubscriber) {
      const facts = timelines.map((t) => ({
        from: today,
        ...(t.due_date ? { due: t.due_date } : {}),
        ...(t.birth_date ? { birth: { date: t.birth_date } } : {}),
        ...(t.loss_date ? { loss: { date: t.loss_date } } : {}),
      }))
      const expected = nextSendOn(facts, addDays(today, -1))
      if (expected !== timelines[0]!.next_send_on) mismatches++
      if (expected === today) due++
    }
    expect(mismatches).toBe(0)
    // Daily phases (pregnancy, first 100 days) make a good share due on the day itself.
    expect(due).toBeGreaterThan(count * 0.2)
  })

  it('running again with the same count changes nothing', async () => {
    const before = await all<{ n: number; sum: string }>(
      'SELECT count(*) AS n, max(updated_at) AS sum FROM subscribers',
    )
    await seedResidents(db, { count, today: addDays(today, 3) })
    expect(await all('SELECT count(*) AS n, max(updated_at) AS sum FROM subscribers')).toEqual(before)
  })
})

describe('seedResidents with two shards', () => {
  it("writes each town's residents into the shard the map places it on, and none elsewhere", async () => {
    const shardsDir = mkdtempSync(join(tmpdir(), 'yorisoi-shards-'))
    const local = await openLocalD1(shardsDir)
    try {
      const [first, second, third] = residentTenants().map((t) => t.slug)
      // As the first publish places them: the emptiest shard in turn.
      await local.db
        .prepare(
          `INSERT INTO tenant_shards (tenant_slug, shard, updated_at)
           VALUES (?1, 1, '2026-11-23T00:00:00Z'), (?2, 2, '2026-11-23T00:00:00Z'), (?3, 1, '2026-11-23T00:00:00Z')`,
        )
        .bind(first, second, third)
        .run()
      await seedResidents(local.shardOf, { count: 600, today })
      const towns = async (which: D1Database) =>
        (
          await which
            .prepare('SELECT tenant_slug AS town, count(*) AS n FROM subscribers GROUP BY 1 ORDER BY 1')
            .all<{ town: string; n: number }>()
        ).results
      const inMain = await towns(local.db)
      const inShard2 = await towns(local.env.SHARD_2!)
      expect(inShard2.map((r) => r.town)).toEqual([second])
      expect(inMain.map((r) => r.town).sort()).toEqual([first, third].sort())
      expect([...inMain, ...inShard2].reduce((sum, r) => sum + r.n, 0)).toBe(600)
      const orphans = await local.env
        .SHARD_2!.prepare(
          'SELECT count(*) AS n FROM timeline_members m WHERE NOT EXISTS (SELECT 1 FROM timelines t WHERE t.id = m.timeline_id)',
        )
        .first<number>('n')
      expect(orphans).toBe(0)
    } finally {
      await local.dispose()
      rmSync(shardsDir, { recursive: true, force: true })
    }
  })
})
