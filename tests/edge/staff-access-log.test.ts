import { env, exports } from 'cloudflare:workers'
import type { D1Database } from '@cloudflare/workers-types'
import Papa from 'papaparse'
import { beforeAll, describe, expect, it } from 'vitest'
import { afterRuns } from '../../edge/housekeeping'
import { loadActiveSnapshot } from '../../edge/snapshot/read'
import { staffRoleChangeAnswer } from '../../shared/contract'
import { ingest, ingestTokens } from './support/ingest-client'
import { origin } from './support/resident-http'
import { minato, storeOnTwoShards } from './support/second-shard'
import { shardOf } from './support/shards'
import { accessRows, signAssertion, staffGet } from './support/staff'

// The access log's own duties: the privacy officer exports it, housekeeping forgets rows past the
// town's retention, and a change of anyone's roles or towns is written to each affected town's log.

const DAY = 86_400_000

async function logRow(db: D1Database, tenant: string, at: Date, filter: string | null = null) {
  await db
    .prepare(
      `INSERT INTO staff_access_log (tenant_slug, staff_user, role, action, household_id, filter, count, reason, at)
       VALUES (?1, 'nurse-1', 'nurse', 'list-families', NULL, ?2, 3, 'routine', ?3)`,
    )
    .bind(tenant, filter, at.toISOString())
    .run()
}

async function sweep(now: Date) {
  const snapshot = await loadActiveSnapshot(env.DB)
  const chores = (await afterRuns(env, snapshot!, now)).filter((c) => c.name.startsWith('access log'))
  expect(chores.length).toBe(2)
  for (const chore of chores) await chore.run()
}

beforeAll(async () => {
  // みなと町 keeps its log one year (the shortest allowed); さくら市 the default five.
  await storeOnTwoShards('staff-access-log-0001', {
    minato: {
      ...minato,
      tenant: {
        ...minato.tenant,
        workspace: { retention: { ...minato.tenant.workspace.retention, accessLogDays: 365 } },
      },
    },
  })
})

describe('GET /staff/access-log/export', () => {
  it("gives the privacy officer the town's log as CSV with Japanese headers, formulas disarmed, and logs it", async () => {
    const db = await shardOf('sakura-city')
    await logRow(db, 'sakura-city', new Date(), 'stage=child')
    await logRow(db, 'sakura-city', new Date(), '=HYPERLINK("x")')
    const officer = await signAssertion({ tenants: ['sakura-city'], role: 'privacy-officer', sub: 'po-1' })
    const answer = await staffGet('/access-log/export?tenant=sakura-city', officer)
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toMatch(/^text\/csv/)
    expect(answer.headers.get('content-disposition')).toMatch(/attachment; filename="access-log-sakura-city-/)
    const text = (await answer.text()).replace(/^\uFEFF/, '')
    const { data } = Papa.parse<string[]>(text.trim())
    expect(data[0]).toEqual([
      '番号 / id',
      '日時 / at',
      '職員 / staff user',
      '役割 / role',
      '操作 / action',
      '世帯 / household',
      '条件 / filter',
      '件数 / count',
      '理由 / reason',
    ])
    expect(data.slice(1).map((row) => row[6])).toEqual([`'=HYPERLINK("x")`, 'stage=child'])
    const last = (await accessRows(db, 'sakura-city')).at(-1)
    expect([last?.staff_user, last?.action, last?.count]).toEqual(['po-1', 'export-access-log', 2])
  })

  it('refuses a nurse, another town and an expired assertion, logging nothing', async () => {
    const db = await shardOf('sakura-city')
    const before = (await accessRows(db, 'sakura-city')).length
    const nurse = await signAssertion({ tenants: ['sakura-city'] })
    expect((await staffGet('/access-log/export?tenant=sakura-city', nurse)).status).toBe(403)
    const otherTown = await signAssertion({ tenants: ['minato-town'], role: 'privacy-officer' })
    expect((await staffGet('/access-log/export?tenant=sakura-city', otherTown)).status).toBe(403)
    const expired = await signAssertion({ role: 'privacy-officer', issuedAgo: 90, lifetime: 60 })
    expect((await staffGet('/access-log/export?tenant=sakura-city', expired)).status).toBe(401)
    expect((await accessRows(db, 'sakura-city')).length).toBe(before)
  })
})

describe('access log retention', () => {
  it("deletes rows older than each town's accessLogDays, in each town's shard, and keeps the rest", async () => {
    const now = new Date()
    const sakuraDb = await shardOf('sakura-city')
    const minatoDb = await shardOf('minato-town')
    await logRow(sakuraDb, 'sakura-city', new Date(now.getTime() - 1826 * DAY), 'old')
    await logRow(sakuraDb, 'sakura-city', new Date(now.getTime() - 400 * DAY), 'kept')
    await logRow(minatoDb, 'minato-town', new Date(now.getTime() - 400 * DAY), 'old')
    await logRow(minatoDb, 'minato-town', new Date(now.getTime() - 300 * DAY), 'kept')
    await sweep(now)
    const filters = async (db: D1Database, tenant: string) =>
      (await accessRows(db, tenant)).map((r) => r.filter).filter((f) => f === 'old' || f === 'kept')
    expect(await filters(sakuraDb, 'sakura-city')).toEqual(['kept'])
    expect(await filters(minatoDb, 'minato-town')).toEqual(['kept'])
  })
})

describe('POST /ingest/staff-role-changes', () => {
  const change = {
    actor: 'admin-1',
    user: '42',
    before: { roles: ['municipal-staff', 'nurse'], tenants: ['sakura-city'] },
    after: { roles: ['desk', 'municipal-staff'], tenants: ['minato-town', 'sakura-city'] },
    at: '2026-12-01T01:02:03.000Z',
  }

  it("writes the change to each affected town's log, in its own shard, as the admin who made it", async () => {
    const answer = await ingest('/staff-role-changes', { method: 'POST', body: change })
    expect(answer.status).toBe(201)
    expect(staffRoleChangeAnswer.parse(await answer.json())).toEqual({
      logged: ['minato-town', 'sakura-city'],
    })
    const roleRows = async (tenant: string) =>
      (await accessRows(await shardOf(tenant), tenant))
        .filter((r) => r.action === 'role-change')
        .map((r) => [r.staff_user, r.role, r.household_id, r.filter, r.count, r.at])
    expect(await roleRows('sakura-city')).toEqual([
      [
        'admin-1',
        'admin',
        null,
        'user=42&from=municipal-staff,nurse&to=desk,municipal-staff&town=kept',
        1,
        change.at,
      ],
    ])
    expect(await roleRows('minato-town')).toEqual([
      [
        'admin-1',
        'admin',
        null,
        'user=42&from=municipal-staff,nurse&to=desk,municipal-staff&town=joined',
        1,
        change.at,
      ],
    ])
    const officer = await signAssertion({ tenants: ['minato-town'], role: 'privacy-officer' })
    const log = (await (await staffGet('/access-log?tenant=minato-town', officer)).json()) as {
      entries: { action: string; role: string }[]
    }
    expect(log.entries).toContainEqual(expect.objectContaining({ action: 'role-change', role: 'admin' }))
  })

  it('opens only with the CMS publishing token, and refuses a malformed change in Japanese first', async () => {
    const before = (await accessRows(await shardOf('sakura-city'), 'sakura-city')).length
    for (const token of [null, ingestTokens.operations, 'wrong'])
      expect((await ingest('/staff-role-changes', { method: 'POST', body: change, token })).status).toBe(401)
    const bad = await ingest('/staff-role-changes', { method: 'POST', body: { ...change, user: '' } })
    expect(bad.status).toBe(400)
    expect(await bad.text()).toMatch(/[ぁ-んァ-ン一-龥]/)
    const staffToken = await signAssertion({ role: 'privacy-officer' })
    const asStaff = await exports.default.fetch(`${origin}/ingest/staff-role-changes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${staffToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(change),
    })
    expect(asStaff.status).toBe(401)
    expect((await accessRows(await shardOf('sakura-city'), 'sakura-city')).length).toBe(before)
  })
})
