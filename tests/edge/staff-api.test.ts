import { env } from 'cloudflare:workers'
import { generateKeyPair } from 'jose'
import { beforeAll, describe, expect, it } from 'vitest'
import { app } from '../../edge/app'
import { localDate } from '../../shared/calendar'
import { familiesPage, householdRecord } from '../../shared/contract'
import { deleteMyData } from './support/deletion'
import { residentInShard, storeOnTwoShards } from './support/second-shard'
import { moveTown } from './support/shard-move'
import { shardNumberOf, shardOf } from './support/shards'
import { accessRows, signAssertion, staffGet } from './support/staff'

const sakura = 'sakura-city'
const minato = 'minato-town'

beforeAll(async () => {
  await storeOnTwoShards('staff-api-0001')
  await residentInShard('sk-hana', { tenant: sakura, channel: 'email', due: '2027-04-15' })
  await residentInShard('mn-yui', { tenant: minato, channel: 'line', due: '2027-03-01' })
  const db = await shardOf(sakura)
  const today = localDate(new Date(), 'Asia/Tokyo')
  await db
    .prepare(
      `INSERT INTO deliveries (id, subscriber_id, tenant_slug, local_date, kind, channel, idempotency_key, state, created_at, updated_at)
       VALUES ('d-sk-1', 'sk-hana', ?1, ?2, 'program', 'email', 'd-sk-1', 'sent', ?3, ?3)`,
    )
    .bind(sakura, today, new Date().toISOString())
    .run()
})

describe('the staff API', () => {
  it('runs with two shards: さくら市 on 1, みなと町 on 2', async () => {
    expect(await shardNumberOf(sakura)).toBe(1)
    expect(await shardNumberOf(minato)).toBe(2)
  })

  it("lists and reads a town's households, each read written to the town's access log", async () => {
    const token = await signAssertion({ tenants: [sakura], sub: 'nurse-7' })
    const listed = await staffGet(`/families?tenant=${sakura}&stage=pregnancy`, token)
    expect(listed.status).toBe(200)
    const page = familiesPage.parse(await listed.json())
    expect(page.families.map((f) => f.household)).toEqual(['t-sk-hana'])
    expect(page.families[0]?.members).toEqual([
      { nickname: 'はな', audience: 'primary', channel: 'email', state: 'active' },
    ])
    expect(page.families[0]?.stage.label).toMatch(/^妊娠\d+週\d日（\d+か月） \/ /)
    expect(JSON.stringify(page)).not.toContain('@example.jp')

    const read = await staffGet(`/families/t-sk-hana?tenant=${sakura}&reason=interview`, token)
    expect(read.status).toBe(200)
    const record = householdRecord.parse(await read.json())
    expect(record.timeline.dueDate).toBe('2027-04-15')
    expect(record.deliveries).toEqual([
      expect.objectContaining({ kind: 'program', channel: 'email', state: 'sent' }),
    ])
    expect(record.consultations).toEqual([])
    expect(JSON.stringify(record)).not.toContain('@example.jp')

    const rows = await accessRows(await shardOf(sakura), sakura)
    expect(
      rows.map((r) => [r.staff_user, r.role, r.action, r.household_id, r.filter, r.count, r.reason]),
    ).toEqual([
      ['nurse-7', 'nurse', 'list-families', null, 'stage=pregnancy', 1, 'routine'],
      ['nurse-7', 'nurse', 'read-household', 't-sk-hana', null, 1, 'interview'],
    ])
  })

  it('reads a town on shard 2 in that shard, and logs it there', async () => {
    const token = await signAssertion({ tenants: [minato], sub: 'desk-2', role: 'desk' })
    const page = familiesPage.parse(await (await staffGet(`/families?tenant=${minato}`, token)).json())
    expect(page.families.map((f) => f.household)).toEqual(['t-mn-yui'])
    expect((await staffGet(`/families/t-mn-yui?tenant=${minato}`, token)).status).toBe(200)
    expect((await accessRows(await shardOf(minato), minato)).map((r) => r.action)).toEqual([
      'list-families',
      'read-household',
    ])
    expect(await accessRows(await shardOf(sakura), minato)).toEqual([])
  })

  it("answers 403 for another town, or another town's household, and reads and logs nothing", async () => {
    const token = await signAssertion({ tenants: [sakura], sub: 'nurse-x' })
    const before = (await accessRows(await shardOf(minato), minato)).length
    const other = await staffGet(`/families?tenant=${minato}`, token)
    expect(other.status).toBe(403)
    expect(await other.text()).not.toContain('t-mn-yui')
    expect((await staffGet(`/families/t-mn-yui?tenant=${minato}`, token)).status).toBe(403)
    expect((await accessRows(await shardOf(minato), minato)).length).toBe(before)
    // Naming one's own town with another town's household finds nothing there.
    const crossed = await staffGet(`/families/t-mn-yui?tenant=${sakura}`, token)
    expect(crossed.status).toBe(404)
    expect(await crossed.text()).not.toContain('ゆい')
  })

  it('keeps roles apart: a privacy officer reads the log, not households; a nurse not the log', async () => {
    const officer = await signAssertion({ tenants: [sakura], role: 'privacy-officer', sub: 'po-1' })
    expect((await staffGet(`/families?tenant=${sakura}`, officer)).status).toBe(403)
    const nurse = await signAssertion({ tenants: [sakura] })
    expect((await staffGet(`/access-log?tenant=${sakura}`, nurse)).status).toBe(403)
    const log = await staffGet(`/access-log?tenant=${sakura}`, officer)
    expect(log.status).toBe(200)
    const { entries } = (await log.json()) as { entries: { action: string }[] }
    expect(entries.map((e) => e.action)).toContain('read-household')
    const last = (await accessRows(await shardOf(sakura), sakura)).at(-1)
    expect([last?.staff_user, last?.action]).toEqual(['po-1', 'read-access-log'])
  })

  it('refuses expired, too long, other-audience, unsigned and foreign-key assertions with 401, logging nothing', async () => {
    const before = (await accessRows(await shardOf(sakura), sakura)).length
    const foreign = (await generateKeyPair('ES256')).privateKey
    const [header, payload] = (await signAssertion()).split('.')
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${payload}.`
    const refused = [
      await signAssertion({ issuedAgo: 90, lifetime: 60 }),
      await signAssertion({ lifetime: 600 }),
      await signAssertion({ audience: 'some-other-api' }),
      await signAssertion({ key: foreign }),
      await signAssertion({ role: 'admin' }),
      await signAssertion({ extra: { contractVersion: 999 } }),
      unsigned,
      `${header}.${payload}.`,
      'not-a-jwt',
      null,
    ]
    for (const token of refused) {
      const answer = await staffGet(`/families?tenant=${sakura}`, token)
      expect(answer.status).toBe(401)
      expect(await answer.text()).toContain(' / ')
    }
    expect((await accessRows(await shardOf(sakura), sakura)).length).toBe(before)
  })

  it('answers 503 on every route while no public key is configured, or a private one is', async () => {
    const token = await signAssertion()
    for (const key of [undefined, JSON.stringify({ kty: 'EC', crv: 'P-256', x: 'a', y: 'b', d: 'c' })])
      for (const path of [
        `/families?tenant=${sakura}`,
        `/families/t-sk-hana?tenant=${sakura}`,
        `/access-log?tenant=${sakura}`,
      ]) {
        const answer = await app.request(
          `/staff${path}`,
          { headers: { authorization: `Bearer ${token}` } },
          { ...env, STAFF_API_PUBLIC_KEY: key },
        )
        expect(answer.status).toBe(503)
        expect(await answer.text()).toContain('STAFF_API_PUBLIC_KEY')
      }
  })

  it("the log names no one and outlives the resident's erasure", async () => {
    const gone = await residentInShard('mn-gone', { tenant: minato, channel: 'email' })
    const token = await signAssertion({ tenants: [minato], sub: 'nurse-9' })
    expect((await staffGet(`/families/t-mn-gone?tenant=${minato}`, token)).status).toBe(200)
    await deleteMyData(gone.manage)
    const db = await shardOf(minato)
    expect(await db.prepare("SELECT id FROM subscribers WHERE id = 'mn-gone'").first()).toBeNull()
    const rows = await accessRows(db, minato)
    expect(rows.filter((r) => r.household_id === 't-mn-gone').map((r) => r.action)).toEqual([
      'read-household',
    ])
    const text = JSON.stringify(rows)
    for (const personal of ['はな', gone.address]) expect(text).not.toContain(personal)
    // No subscriber id either: a household is named by its timeline's id only.
    const values = rows.flatMap((r) => Object.values(r))
    for (const subscriber of ['mn-gone', 'mn-yui']) expect(values).not.toContain(subscriber)
    expect((await staffGet(`/families/t-mn-gone?tenant=${minato}`, token)).status).toBe(404)
  })

  it('moves the access log with its town, in order, and reads on from the new shard', async () => {
    const before = await accessRows(await shardOf(sakura), sakura)
    await moveTown(sakura, 2)
    expect(await shardNumberOf(sakura)).toBe(2)
    const strip = (rows: Record<string, unknown>[]) => rows.map(({ id: _, ...row }) => row)
    expect(strip(await accessRows(await shardOf(sakura), sakura))).toEqual(strip(before))
    expect(await accessRows(env.DB, sakura)).toEqual([])
    const token = await signAssertion({ tenants: [sakura] })
    expect((await staffGet(`/families/t-sk-hana?tenant=${sakura}`, token)).status).toBe(200)
    expect((await accessRows(await shardOf(sakura), sakura)).length).toBe(before.length + 1)
  })
})
