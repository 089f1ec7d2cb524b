import { beforeAll, describe, expect, it } from 'vitest'
import { familiesList, nurseLoad } from '../../shared/contract'
import { deleteMyData } from './support/deletion'
import { residentInShard, storeOnTwoShards } from './support/second-shard'
import { shardOf } from './support/shards'
import { accessRows, signAssertion, staffGet } from './support/staff'
import { insertConsultation, insertSend, staffPost, tokyoDay } from './support/staff-families'

const sakura = 'sakura-city'
const minato = 'minato-town'
const nurseA = {
  user: 'nurse-a',
  name: '保健師 さとう',
  contact: '0120-000-000',
  email: 'sato@town.example.jp',
}
const nurseB = { user: 'nurse-b', name: '保健師 たなか', contact: null, email: null }

const list = async (query: string, token?: string) => {
  const answer = await staffGet(`/families?tenant=${sakura}${query}`, token ?? (await signAssertion()))
  expect(answer.status).toBe(200)
  return familiesList.parse(await answer.json())
}
const households = async (query: string, token?: string) =>
  (await list(query, token)).families.map((f) => f.household)

let gone: { manage: string }

beforeAll(async () => {
  await storeOnTwoShards('staff-families-0001')
  const db = await shardOf(sakura)
  // 妊娠30週: due in 70 days.
  await residentInShard('sk-a', { tenant: sakura, channel: 'email', due: tokyoDay(70) })
  // Born 50 days ago, a send failed yesterday.
  await residentInShard('sk-b', { tenant: sakura, channel: 'sms', due: tokyoDay(-40) })
  await db.prepare("UPDATE timelines SET birth_date = ?1 WHERE id = 't-sk-b'").bind(tokyoDay(-50)).run()
  await insertSend(db, {
    id: 'd-b',
    subscriber: 'sk-b',
    tenant: sakura,
    localDate: tokyoDay(-1),
    state: 'failed-permanent',
  })
  // A loss reported five days ago.
  await residentInShard('sk-c', { tenant: sakura, channel: 'line', due: tokyoDay(100) })
  await db
    .prepare("UPDATE timelines SET loss_date = ?1, loss_reported_on = ?1 WHERE id = 't-sk-c'")
    .bind(tokyoDay(-5))
    .run()
  // An interview requested, a message opened, a closed consultation that no longer counts.
  gone = await residentInShard('sk-d', { tenant: sakura, channel: 'email', due: tokyoDay(250) })
  await db.prepare("UPDATE subscribers SET nickname = 'さくらこ' WHERE id = 'sk-d'").run()
  await insertConsultation(db, { id: 'c-d1', subscriber: 'sk-d', tenant: sakura, source: 'interview' })
  await insertConsultation(db, {
    id: 'c-d2',
    subscriber: 'sk-d',
    tenant: sakura,
    status: 'closed',
    urgent: true,
  })
  await insertSend(db, {
    id: 'd-d',
    subscriber: 'sk-d',
    tenant: sakura,
    localDate: tokyoDay(-3),
    state: 'sent',
    openedAt: `${tokyoDay(-3)}T01:00:00.000Z`,
  })
  // Paused by a bounce, with an urgent consultation open.
  await residentInShard('sk-e', { tenant: sakura, channel: 'email', due: tokyoDay(150) })
  await db
    .prepare("UPDATE subscribers SET state = 'paused', state_reason = 'suppressed: bounce' WHERE id = 'sk-e'")
    .run()
  await insertConsultation(db, { id: 'c-e', subscriber: 'sk-e', tenant: sakura, urgent: true })
  // A nickname a spreadsheet would run.
  await residentInShard('sk-f', { tenant: sakura, channel: 'email', due: tokyoDay(200) })
  await db.prepare(`UPDATE subscribers SET nickname = '=HYPERLINK("http://x")' WHERE id = 'sk-f'`).run()
  await residentInShard('mn-a', { tenant: minato, channel: 'line', due: tokyoDay(60) })
})

describe('the families list', () => {
  it('shows each household with its stage, masked channel, state, openings, consultations and reasons', async () => {
    const page = await list('')
    expect(page.families.map((f) => f.household)).toEqual([
      't-sk-a',
      't-sk-b',
      't-sk-c',
      't-sk-d',
      't-sk-e',
      't-sk-f',
    ])
    const [a, b, c, d, e] = page.families
    expect(a?.stage.label).toMatch(/^妊娠30週0日（8か月） \/ /)
    expect(b?.stage.label).toMatch(/^生後50日（月齢1か月） \/ /)
    expect(a?.members).toEqual([
      {
        nickname: 'はな',
        audience: 'primary',
        channel: 'email',
        address: 's***@example.jp',
        state: 'active',
      },
    ])
    expect(b?.members[0]?.address).toBe('***5678')
    expect(c?.members[0]?.address).toBe('Usk-***')
    expect(d).toMatchObject({
      lastOpenedOn: tokyoDay(-3),
      openConsultations: 1,
      interviewRequests: 1,
      attention: ['interview'],
      nurse: null,
      reference: null,
    })
    expect(e).toMatchObject({ state: 'provider-paused', openConsultations: 1, attention: ['urgent'] })
    expect(b?.attention).toEqual(['failing'])
    expect(c?.attention).toEqual(['loss'])
    expect(a?.attention).toEqual([])
    const text = JSON.stringify(page)
    for (const address of ['sk-a@example.jp', '+819012345678', 'Usk-c']) expect(text).not.toContain(address)
  })

  it('filters by stage window, state, attention and nickname, and pages with a cursor', async () => {
    expect(await households('&window=w28-32')).toEqual(['t-sk-a'])
    expect(await households('&window=w31-40')).toEqual([])
    expect(await households('&window=d0-100')).toEqual(['t-sk-b'])
    expect(await households('&window=m1-1')).toEqual(['t-sk-b'])
    expect(await households('&window=m2-6')).toEqual([])
    expect(await households('&state=provider-paused')).toEqual(['t-sk-e'])
    expect(await households('&state=paused')).toEqual([])
    expect(await households('&attention=1')).toEqual(['t-sk-b', 't-sk-c', 't-sk-d', 't-sk-e'])
    expect(await households('&stage=loss')).toEqual(['t-sk-c'])
    expect(await households(`&q=${encodeURIComponent('さくら')}`)).toEqual(['t-sk-d'])
    const first = await list('&limit=4')
    expect(first.families.map((f) => f.household)).toEqual(['t-sk-a', 't-sk-b', 't-sk-c', 't-sk-d'])
    expect(first.next).toBe('t-sk-d')
    const second = await list(`&limit=4&cursor=${first.next}`)
    expect([second.families.map((f) => f.household), second.next]).toEqual([['t-sk-e', 't-sk-f'], null])
  })

  it('refuses a malformed window with a bilingual reason', async () => {
    for (const window of ['w32-28', 'x1-2', 'w1-99', 'd-5']) {
      const answer = await staffGet(`/families?tenant=${sakura}&window=${window}`, await signAssertion())
      expect(answer.status).toBe(400)
      expect(await answer.text()).toMatch(/段階の範囲.* \/ .*A stage window/)
    }
  })

  it('writes one access-log row per list, with filter codes and the count, never the search text', async () => {
    const token = await signAssertion({ sub: 'nurse-log' })
    await list(
      `&window=d0-100&state=active&attention=1&q=${encodeURIComponent('さくら')}&reason=follow-up`,
      token,
    )
    const rows = (await accessRows(await shardOf(sakura), sakura)).filter((r) => r.staff_user === 'nurse-log')
    expect(rows.map((r) => [r.action, r.filter, r.count, r.reason, r.household_id])).toEqual([
      ['list-families', 'window=d0-100&state=active&attention&q', 0, 'follow-up', null],
    ])
    expect(JSON.stringify(rows)).not.toContain('さくら')
  })
})

describe("the town's reference", () => {
  it('is attached, found by search, changed, kept unique in the town, cleared, and logged', async () => {
    const token = await signAssertion({ sub: 'desk-ref', role: 'desk' })
    const set = (household: string, reference: string | null) =>
      staffPost(`/families/${household}/reference?tenant=${sakura}`, token, { reference })
    expect((await set('t-sk-a', 'MCH-0001')).status).toBe(200)
    expect(await households('&q=MCH-0001')).toEqual(['t-sk-a'])
    expect((await list('&limit=1')).families[0]?.reference).toBe('MCH-0001')
    const taken = await set('t-sk-b', 'MCH-0001')
    expect(taken.status).toBe(409)
    expect(await taken.text()).toContain(' / ')
    expect((await set('t-sk-a', 'MCH-0002')).status).toBe(200)
    expect(await households('&q=MCH-0001')).toEqual([])
    expect((await set('t-sk-a', null)).status).toBe(200)
    expect(await households('&q=MCH-0002')).toEqual([])
    expect((await set('t-mn-a', 'MCH-9')).status).toBe(404)
    expect((await set('t-sk-a', '')).status).toBe(400)
    const rows = (await accessRows(await shardOf(sakura), sakura)).filter((r) => r.staff_user === 'desk-ref')
    expect(
      rows.filter((r) => r.action === 'set-reference').map((r) => [r.household_id, r.role, r.count]),
    ).toEqual([
      ['t-sk-a', 'desk', 1],
      ['t-sk-a', 'desk', 1],
      ['t-sk-a', 'desk', 1],
    ])
    expect(JSON.stringify(rows)).not.toContain('MCH-')
  })
})

describe('assigning a nurse', () => {
  it('assigns several households at once, shows the nurse, filters "my families" and counts the load', async () => {
    const desk = await signAssertion({ sub: 'desk-1', role: 'desk' })
    const assigned = await staffPost(`/families/assign?tenant=${sakura}`, desk, {
      households: ['t-sk-a', 't-sk-b'],
      nurse: nurseA,
    })
    expect(assigned.status).toBe(200)
    expect(await assigned.json()).toEqual({ assigned: 2, changed: 2 })
    const page = await list('')
    expect(page.families.find((f) => f.household === 't-sk-a')?.nurse).toEqual({
      user: 'nurse-a',
      name: '保健師 さとう',
    })
    const asNurseA = await signAssertion({ sub: 'nurse-a' })
    expect(await households('&nurse=me', asNurseA)).toEqual(['t-sk-a', 't-sk-b'])
    expect(await households('&nurse=nurse-a')).toEqual(['t-sk-a', 't-sk-b'])
    expect(await households('&nurse=none')).toEqual(['t-sk-c', 't-sk-d', 't-sk-e', 't-sk-f'])
    const load = nurseLoad.parse(await (await staffGet(`/nurses/load?tenant=${sakura}`, desk)).json())
    // sk-c's loss is no longer counted as waiting for a nurse.
    expect(load).toEqual({ nurses: [{ user: 'nurse-a', name: '保健師 さとう', families: 2 }], unassigned: 3 })
    const rows = (await accessRows(await shardOf(sakura), sakura)).filter((r) => r.staff_user === 'desk-1')
    expect(rows.map((r) => [r.action, r.household_id, r.count])).toEqual([
      ['assign-nurse', 't-sk-a', 1],
      ['assign-nurse', 't-sk-b', 1],
      ['read-nurse-load', null, 1],
    ])
  })

  it('clears told_at on a change of nurse and keeps it when the same nurse is assigned again', async () => {
    const db = await shardOf(sakura)
    await db.prepare("UPDATE household_nurses SET told_at = '2026-12-01T00:00:00.000Z'").run()
    const nurse = await signAssertion({ sub: 'nurse-a' })
    const again = await staffPost(`/families/assign?tenant=${sakura}`, nurse, {
      households: ['t-sk-a'],
      nurse: nurseA,
    })
    expect(await again.json()).toEqual({ assigned: 1, changed: 0 })
    const changed = await staffPost(`/families/assign?tenant=${sakura}`, nurse, {
      households: ['t-sk-b'],
      nurse: nurseB,
    })
    expect(await changed.json()).toEqual({ assigned: 1, changed: 1 })
    const told = await db
      .prepare(
        'SELECT household_id AS h, nurse_user AS n, nurse_email AS e, told_at AS t FROM household_nurses ORDER BY 1',
      )
      .all()
    expect(told.results).toEqual([
      { h: 't-sk-a', n: 'nurse-a', e: 'sato@town.example.jp', t: '2026-12-01T00:00:00.000Z' },
      { h: 't-sk-b', n: 'nurse-b', e: null, t: null },
    ])
  })

  it("assigns nobody when one household is another town's, and refuses a bad body", async () => {
    const token = await signAssertion({ sub: 'nurse-x' })
    const crossed = await staffPost(`/families/assign?tenant=${sakura}`, token, {
      households: ['t-sk-c', 't-mn-a'],
      nurse: nurseA,
    })
    expect(crossed.status).toBe(404)
    expect(await households('&nurse=none')).toContain('t-sk-c')
    const empty = await staffPost(`/families/assign?tenant=${sakura}`, token, {
      households: [],
      nurse: nurseA,
    })
    expect(empty.status).toBe(400)
    expect(await empty.text()).toContain('世帯を選んでください / Choose at least one household')
    expect((await staffPost(`/families/assign?tenant=${sakura}`, token, 'nonsense')).status).toBe(400)
    const rows = (await accessRows(await shardOf(sakura), sakura)).filter((r) => r.staff_user === 'nurse-x')
    expect(rows.filter((r) => r.action === 'assign-nurse')).toEqual([])
  })

  it("works the same for a town on shard 2, logged in that town's shard", async () => {
    const token = await signAssertion({ tenants: [minato], sub: 'nurse-m' })
    const answer = await staffPost(`/families/assign?tenant=${minato}`, token, {
      households: ['t-mn-a'],
      nurse: { user: 'nurse-m', name: '保健師 やまだ' },
    })
    expect(answer.status).toBe(200)
    const page = familiesList.parse(
      await (await staffGet(`/families?tenant=${minato}&nurse=me`, token)).json(),
    )
    expect(page.families.map((f) => [f.household, f.nurse?.name])).toEqual([['t-mn-a', '保健師 やまだ']])
    expect((await accessRows(await shardOf(minato), minato)).map((r) => r.action)).toEqual([
      'assign-nurse',
      'list-families',
    ])
    expect((await accessRows(await shardOf(sakura), minato)).length).toBe(0)
  })
})

describe('the CSV export', () => {
  it('needs a reason, writes Japanese headers and masked addresses, defuses formulas, and logs the count', async () => {
    const token = await signAssertion({ sub: 'nurse-csv' })
    const without = await staffGet(`/families/export?tenant=${sakura}`, token)
    expect(without.status).toBe(400)
    expect(await without.text()).toContain('書き出しの理由を選んでください / Choose a reason for the export')
    const answer = await staffGet(`/families/export?tenant=${sakura}&reason=routine&stage=pregnancy`, token)
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toContain('text/csv')
    const csv = await answer.text()
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n')
    expect(lines[0]).toBe(
      '世帯ID,ニックネーム,段階,連絡手段,状態,最後に開いた日,未対応の相談,面談の希望,担当保健師,自治体の番号,要確認,登録日',
    )
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['t-sk-a', 't-sk-d', 't-sk-e', 't-sk-f'])
    expect(csv).toContain('email: s***@example.jp')
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`)
    expect(csv).not.toContain('sk-a@example.jp')
    const rows = (await accessRows(await shardOf(sakura), sakura)).filter((r) => r.staff_user === 'nurse-csv')
    expect(rows.map((r) => [r.action, r.filter, r.count, r.reason])).toEqual([
      ['export-families', 'stage=pregnancy', 4, 'routine'],
    ])
  })
})

describe('refusals', () => {
  it("refuses another town's list, export, reference, assignment and load with 403, logging nothing there", async () => {
    const token = await signAssertion({ tenants: [sakura], sub: 'nurse-other' })
    const before = (await accessRows(await shardOf(minato), minato)).length
    const answers = [
      await staffGet(`/families?tenant=${minato}`, token),
      await staffGet(`/families/export?tenant=${minato}&reason=routine`, token),
      await staffGet(`/nurses/load?tenant=${minato}`, token),
      await staffPost(`/families/t-mn-a/reference?tenant=${minato}`, token, { reference: 'X-1' }),
      await staffPost(`/families/assign?tenant=${minato}`, token, { households: ['t-mn-a'], nurse: nurseA }),
    ]
    expect(answers.map((a) => a.status)).toEqual([403, 403, 403, 403, 403])
    for (const answer of answers) expect(await answer.text()).not.toContain('t-mn-a')
    expect((await accessRows(await shardOf(minato), minato)).length).toBe(before)
  })

  it('refuses a privacy officer (403) and an expired assertion (401) on every route, logging nothing', async () => {
    const before = (await accessRows(await shardOf(sakura), sakura)).length
    for (const [token, status] of [
      [await signAssertion({ role: 'privacy-officer', sub: 'po-1' }), 403],
      [await signAssertion({ issuedAgo: 90, lifetime: 60 }), 401],
    ] as const) {
      const answers = [
        await staffGet(`/families?tenant=${sakura}`, token),
        await staffGet(`/families/export?tenant=${sakura}&reason=routine`, token),
        await staffGet(`/nurses/load?tenant=${sakura}`, token),
        await staffPost(`/families/t-sk-a/reference?tenant=${sakura}`, token, { reference: 'X-1' }),
        await staffPost(`/families/assign?tenant=${sakura}`, token, {
          households: ['t-sk-a'],
          nurse: nurseA,
        }),
      ]
      expect(answers.map((a) => a.status)).toEqual([status, status, status, status, status])
    }
    expect((await accessRows(await shardOf(sakura), sakura)).length).toBe(before)
  })
})

describe('erasure', () => {
  it("deletes a household's nurse and reference with its last member, keeping the log", async () => {
    const token = await signAssertion({ sub: 'nurse-a' })
    await staffPost(`/families/t-sk-d/reference?tenant=${sakura}`, token, { reference: 'MCH-D' })
    await staffPost(`/families/assign?tenant=${sakura}`, token, { households: ['t-sk-d'], nurse: nurseA })
    const db = await shardOf(sakura)
    const held = async () => [
      await db.prepare("SELECT COUNT(*) AS n FROM household_nurses WHERE household_id = 't-sk-d'").first('n'),
      await db
        .prepare("SELECT COUNT(*) AS n FROM household_references WHERE household_id = 't-sk-d'")
        .first('n'),
    ]
    expect(await held()).toEqual([1, 1])
    await deleteMyData(gone.manage)
    expect(await held()).toEqual([0, 0])
    expect(await households('&q=MCH-D')).toEqual([])
    const log = await accessRows(db, sakura)
    expect(log.filter((r) => r.household_id === 't-sk-d').map((r) => r.action)).toEqual([
      'set-reference',
      'assign-nurse',
    ])
  })
})
