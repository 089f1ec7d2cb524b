import { beforeAll, describe, expect, it } from 'vitest'
import { readHousehold } from '../../edge/manage/household-rows'
import { personalData } from '../../edge/resident/personal-data'
import { disclosureTables } from '../../edge/staff/disclosure-tables'
import { disclosure } from '../../shared/contract'
import { residentInShard, storeOnTwoShards } from './support/second-shard'
import { shardOf } from './support/shards'
import { accessRows, signAssertion, staffGet } from './support/staff'

// A disclosure request (開示請求): the town's privacy officer exports everything held on one
// resident, and the export is itself logged.

const sakura = 'sakura-city'
const minato = 'minato-town'
const at = '2026-11-10T00:00:00.000Z'

/** Rows of a resident in the tables the daily work fills, beside those residentInShard writes. */
async function fillTables(tenant: string, id: string) {
  const db = await shardOf(tenant)
  const household = `t-${id}`
  await db.batch([
    db
      .prepare(
        `INSERT INTO deliveries (id, subscriber_id, tenant_slug, local_date, kind, channel, idempotency_key, state, created_at, updated_at)
         VALUES (?1, ?2, ?3, '2026-11-10', 'program', 'email', ?1, 'sent', ?4, ?4)`,
      )
      .bind(`d-${id}`, id, tenant, at),
    db
      .prepare('INSERT INTO delivery_clicks (delivery_id, link, count, first_at) VALUES (?1, 1, 2, ?2)')
      .bind(`d-${id}`, at),
    db
      .prepare(
        `INSERT INTO consultations (id, subscriber_id, tenant_slug, category, text, contact_by, contact_phone, created_at)
         VALUES (?1, ?2, ?3, 'health', 'よるねむれません', 'phone', '090-0000-1111', ?4)`,
      )
      .bind(`c-${id}`, id, tenant, at),
    db
      .prepare(
        `INSERT INTO consultation_forwards (consultation_id, tenant_slug, state, next_attempt_at, updated_at)
         VALUES (?1, ?2, 'sent', ?3, ?3)`,
      )
      .bind(`c-${id}`, tenant, at),
    db
      .prepare(
        `INSERT INTO survey_responses (id, subscriber_id, tenant_slug, survey_id, survey_version, answered_on, created_at)
         VALUES (?1, ?2, ?3, 'eight-month', 1, '2026-11-10', ?4)`,
      )
      .bind(`r-${id}`, id, tenant, at),
    db
      .prepare(
        "INSERT INTO survey_answers (response_id, question_id, position, value) VALUES (?1, 'q1', 0, 'ねむい')",
      )
      .bind(`r-${id}`),
    db
      .prepare(
        `INSERT INTO household_nurses (household_id, tenant_slug, nurse_user, nurse_name, assigned_by, assigned_at)
         VALUES (?1, ?2, 'nurse-1', '保健師 さとう', 'desk-1', ?3)`,
      )
      .bind(household, tenant, at),
    db
      .prepare(
        'INSERT INTO household_references (household_id, tenant_slug, reference, set_by, set_at) VALUES (?1, ?2, ?3, ?4, ?5)',
      )
      .bind(household, tenant, `母子手帳-${id}`, 'desk-1', at),
    db
      .prepare(
        `INSERT INTO outbox (id, idempotency_key, tenant_slug, channel, recipient, subscriber_id, subject, text, created_at)
         VALUES (?1, ?1, ?2, 'email', ?3, ?4, 'おたより', 'きょうのおたより', ?5)`,
      )
      .bind(`o-${id}`, tenant, `${id}@example.jp`, id, at),
    db
      .prepare(
        `INSERT INTO suppressions (address, tenant_slug, channel, reason, created_at) VALUES (?1, ?2, 'email', 'bounce', ?3)`,
      )
      .bind(`${id}@example.jp`, tenant, at),
  ])
}

/** A partner following the same household, with a consultation of their own. */
async function partnerOf(tenant: string, id: string, partner: string) {
  await residentInShard(partner, { tenant, channel: 'email' })
  const db = await shardOf(tenant)
  await db.batch([
    db.prepare('DELETE FROM timeline_members WHERE subscriber_id = ?1').bind(partner),
    db.prepare('DELETE FROM timelines WHERE id = ?1').bind(`t-${partner}`),
    db
      .prepare('INSERT INTO timeline_members (timeline_id, subscriber_id) VALUES (?1, ?2)')
      .bind(`t-${id}`, partner),
    db
      .prepare(
        `INSERT INTO consultations (id, subscriber_id, tenant_slug, category, text, contact_by, created_at)
         VALUES (?1, ?2, ?3, 'other', 'パートナーの相談', 'none', ?4)`,
      )
      .bind(`c-${partner}`, partner, tenant, at),
  ])
}

const officer = (tenant = sakura) =>
  signAssertion({ tenants: [tenant], role: 'privacy-officer', sub: 'po-1' })

beforeAll(async () => {
  await storeOnTwoShards('staff-disclosure-0001')
  await residentInShard('ds-hana', { tenant: sakura, channel: 'email' })
  await fillTables(sakura, 'ds-hana')
  await partnerOf(sakura, 'ds-hana', 'ds-ken')
  await residentInShard('ds-yui', { tenant: minato, channel: 'line' })
})

describe('GET /staff/disclosure', () => {
  it('knows how to find a resident in every table personal-data.ts marks as holding personal data', () => {
    const tables = disclosureTables().map((t) => t.table)
    const personal = Object.entries(personalData)
      .filter(([, kinds]) => kinds.personal.length > 0)
      .map(([table]) => table)
    expect(tables.sort()).toEqual(personal.sort())
  })

  it('exports every row and every personal column held on one resident, and nothing of their partner', async () => {
    const answer = await staffGet(`/disclosure?tenant=${sakura}&subscriber=ds-hana`, await officer())
    expect(answer.status).toBe(200)
    const found = disclosure.parse(await answer.json())
    expect(found.subject).toEqual({ subscribers: ['ds-hana'], households: ['t-ds-hana'] })
    for (const [table, kinds] of Object.entries(personalData)) {
      const rows = found.tables[table] ?? []
      for (const row of rows) for (const column of kinds.personal) expect(row).toHaveProperty(column)
    }
    const count = (table: string) => found.tables[table]?.length ?? 0
    expect(
      Object.fromEntries(
        [
          'subscribers',
          'timelines',
          'timeline_members',
          'consents',
          'deliveries',
          'delivery_clicks',
          'consultations',
          'consultation_forwards',
          'survey_responses',
          'survey_answers',
          'household_nurses',
          'household_references',
          'outbox',
          'suppressions',
        ].map((t) => [t, count(t)]),
      ),
    ).toEqual({
      subscribers: 1,
      timelines: 1,
      timeline_members: 1,
      consents: 1,
      deliveries: 1,
      delivery_clicks: 1,
      consultations: 1,
      consultation_forwards: 1,
      survey_responses: 1,
      survey_answers: 1,
      household_nurses: 1,
      household_references: 1,
      outbox: 1,
      suppressions: 1,
    })
    expect(found.tables.subscribers?.[0]).toMatchObject({ nickname: 'はな', address: 'ds-hana@example.jp' })
    expect(JSON.stringify(found)).toContain('よるねむれません')
    expect(JSON.stringify(found)).not.toContain('パートナーの相談')
    expect(JSON.stringify(found)).not.toContain('ds-ken')
  })

  it('exports a whole household as the move of a household would carry it', async () => {
    const answer = await staffGet(`/disclosure?tenant=${sakura}&household=t-ds-hana`, await officer())
    const found = disclosure.parse(await answer.json())
    expect(found.subject.subscribers.sort()).toEqual(['ds-hana', 'ds-ken'])
    const moved = await readHousehold(await shardOf(sakura), {
      subscribers: ['ds-hana', 'ds-ken'],
      timelines: ['t-ds-hana'],
    })
    for (const [table, rows] of moved)
      expect([table, found.tables[table]?.length]).toEqual([table, rows.length])
  })

  it('logs each export as export-disclosure: the household, how many rows, never a name', async () => {
    const db = await shardOf(sakura)
    const rows = await accessRows(db, sakura)
    const exports = rows.filter((r) => r.action === 'export-disclosure')
    expect(exports.map((r) => [r.staff_user, r.role, r.household_id, r.filter, r.reason])).toEqual([
      ['po-1', 'privacy-officer', 't-ds-hana', 'by=subscriber', 'disclosure'],
      ['po-1', 'privacy-officer', 't-ds-hana', 'by=household', 'disclosure'],
    ])
    expect(Number(exports[0]?.count)).toBeGreaterThan(10)
    expect(JSON.stringify(rows)).not.toContain('はな')
  })

  it('reads a town on shard 2 in shard 2', async () => {
    const answer = await staffGet(`/disclosure?tenant=${minato}&subscriber=ds-yui`, await officer(minato))
    expect(answer.status).toBe(200)
    expect(disclosure.parse(await answer.json()).tables.subscribers?.[0]).toMatchObject({
      address: 'Uds-yui',
    })
    expect((await accessRows(await shardOf(minato), minato)).at(-1)?.action).toBe('export-disclosure')
  })

  it("answers 404 (logged) for someone the town does not have, another town's resident included", async () => {
    const crossed = await staffGet(`/disclosure?tenant=${sakura}&subscriber=ds-yui`, await officer())
    expect(crossed.status).toBe(404)
    expect(await crossed.text()).not.toContain('Uds-yui')
    const last = (await accessRows(await shardOf(sakura), sakura)).at(-1)
    expect([last?.action, last?.count]).toEqual(['export-disclosure', 0])
  })

  it('is for the privacy officer only: nurse, desk, another town and an expired assertion are refused', async () => {
    const before = (await accessRows(await shardOf(sakura), sakura)).length
    const path = `/disclosure?tenant=${sakura}&subscriber=ds-hana`
    for (const role of ['nurse', 'desk'])
      expect((await staffGet(path, await signAssertion({ tenants: [sakura], role }))).status).toBe(403)
    expect((await staffGet(path, await officer(minato))).status).toBe(403)
    expect(
      (await staffGet(path, await signAssertion({ role: 'privacy-officer', issuedAgo: 90, lifetime: 60 })))
        .status,
    ).toBe(401)
    expect((await accessRows(await shardOf(sakura), sakura)).length).toBe(before)
  })

  it('asks for exactly one of a resident or a household, in Japanese first', async () => {
    const both = await staffGet(`/disclosure?tenant=${sakura}&subscriber=a&household=b`, await officer())
    expect(both.status).toBe(400)
    expect(await both.text()).toMatch(/^検索条件が正しくありません \/ /)
    expect((await staffGet(`/disclosure?tenant=${sakura}`, await officer())).status).toBe(400)
  })
})
