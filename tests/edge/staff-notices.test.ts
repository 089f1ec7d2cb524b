import { beforeAll, describe, expect, it } from 'vitest'
import { addDays, localDate } from '../../shared/calendar'
import { staffNoticesPage } from '../../shared/contract'
import { post } from './support/resident-http'
import { residentInShard, storeOnTwoShards } from './support/second-shard'
import { shardOf } from './support/shards'
import { accessRows, signAssertion, staffGet } from './support/staff'

// A loss report reaches a person: the nurse (or the desk) gets an email that says nothing of it,
// and the workspace's notices list it until someone opens the family.

const sakura = 'sakura-city'
const minato = 'minato-town'
let hana: Awaited<ReturnType<typeof residentInShard>>
let mei: Awaited<ReturnType<typeof residentInShard>>
let yui: Awaited<ReturnType<typeof residentInShard>>

const reportLoss = (r: { manage: string; id: string }) =>
  post(`${r.manage}/loss`, { timeline: `t-${r.id}`, date: '', messages: 'support' })

const mailTo = async (tenant: string, recipient: string) =>
  (
    await (
      await shardOf(tenant)
    )
      .prepare('SELECT subject, text FROM outbox WHERE recipient = ?1 ORDER BY created_at')
      .bind(recipient)
      .all<{ subject: string; text: string }>()
  ).results

beforeAll(async () => {
  await storeOnTwoShards('staff-notices-0001')
  hana = await residentInShard('nt-hana', { tenant: sakura, channel: 'email' })
  mei = await residentInShard('nt-mei', { tenant: sakura, channel: 'email' })
  yui = await residentInShard('nt-yui', { tenant: minato, channel: 'line' })
  const db = await shardOf(sakura)
  await db
    .prepare(
      `INSERT INTO household_nurses (household_id, tenant_slug, nurse_user, nurse_name, nurse_email, assigned_by, assigned_at)
       VALUES ('t-nt-mei', ?1, 'nurse-sato', '保健師 さとう', 'sato@sakura.example.jp', 'desk-1', ?2)`,
    )
    .bind(sakura, new Date().toISOString())
    .run()
})

describe('a loss report reaches a person', () => {
  it('emails the desk when no nurse is assigned, saying nothing of the loss or the family', async () => {
    expect((await reportLoss(hana)).status).toBe(200)
    const mail = await mailTo(sakura, 'kosodate@sakura.example.jp')
    expect(mail).toHaveLength(1)
    expect(mail[0]?.subject).toBe('寄り添い: ご確認ください / yorisoi: please check the workspace')
    for (const word of ['はな', 'nt-hana', hana.address, '流産', '死産', 'つらい', 'loss'])
      expect(`${mail[0]?.subject}\n${mail[0]?.text}`).not.toContain(word)
    expect(mail[0]?.text).toContain('職員用画面')
  })

  it("emails the household's own nurse, once, when one is assigned", async () => {
    expect((await reportLoss(mei)).status).toBe(200)
    expect(await mailTo(sakura, 'sato@sakura.example.jp')).toHaveLength(1)
    expect(await mailTo(sakura, 'kosodate@sakura.example.jp')).toHaveLength(1)
  })

  it('emails a town on shard 2 from shard 2', async () => {
    expect((await reportLoss(yui)).status).toBe(200)
    expect(await mailTo(minato, 'hoken@minato.example.jp')).toHaveLength(1)
    expect(await mailTo(sakura, 'hoken@minato.example.jp')).toHaveLength(0)
  })
})

describe('GET /staff/notices', () => {
  it("lists the town's losses not yet looked at, with the assigned nurse, and logs the read", async () => {
    const token = await signAssertion({ tenants: [sakura], sub: 'nurse-sato' })
    const answer = await staffGet(`/notices?tenant=${sakura}`, token)
    expect(answer.status).toBe(200)
    const { notices } = staffNoticesPage.parse(await answer.json())
    const today = localDate(new Date(), 'Asia/Tokyo')
    expect(notices).toEqual([
      { kind: 'loss', household: 't-nt-hana', reportedOn: today, nurseUser: null },
      { kind: 'loss', household: 't-nt-mei', reportedOn: today, nurseUser: 'nurse-sato' },
    ])
    expect(JSON.stringify(notices)).not.toContain('はな')
    const last = (await accessRows(await shardOf(sakura), sakura)).at(-1)
    expect([last?.staff_user, last?.action, last?.count, last?.household_id]).toEqual([
      'nurse-sato',
      'read-notices',
      2,
      null,
    ])
  })

  it('drops a notice once a staff member opens the family', async () => {
    const desk = await signAssertion({ tenants: [sakura], role: 'desk', sub: 'desk-1' })
    expect((await staffGet(`/families/t-nt-hana?tenant=${sakura}`, desk)).status).toBe(200)
    const { notices } = staffNoticesPage.parse(
      await (await staffGet(`/notices?tenant=${sakura}`, desk)).json(),
    )
    expect(notices.map((n) => n.household)).toEqual(['t-nt-mei'])
  })

  it('forgets a loss reported more than 30 days ago', async () => {
    const db = await shardOf(sakura)
    const longAgo = addDays(localDate(new Date(), 'Asia/Tokyo'), -31)
    await db.prepare("UPDATE timelines SET loss_reported_on = ?1 WHERE id = 't-nt-mei'").bind(longAgo).run()
    const token = await signAssertion({ tenants: [sakura] })
    const { notices } = staffNoticesPage.parse(
      await (await staffGet(`/notices?tenant=${sakura}`, token)).json(),
    )
    expect(notices).toEqual([])
  })

  it("reads a town on shard 2 there, and never another town's", async () => {
    const nurseB = await signAssertion({ tenants: [minato], sub: 'nurse-b' })
    const { notices } = staffNoticesPage.parse(
      await (await staffGet(`/notices?tenant=${minato}`, nurseB)).json(),
    )
    expect(notices.map((n) => n.household)).toEqual(['t-nt-yui'])
    expect((await accessRows(await shardOf(minato), minato)).at(-1)?.action).toBe('read-notices')

    const nurseA = await signAssertion({ tenants: [sakura] })
    const crossed = await staffGet(`/notices?tenant=${minato}`, nurseA)
    expect(crossed.status).toBe(403)
    expect(await crossed.text()).not.toContain('t-nt-yui')
  })

  it('refuses the privacy officer, an expired assertion and none at all, logging nothing', async () => {
    const before = (await accessRows(await shardOf(sakura), sakura)).length
    const officer = await signAssertion({ tenants: [sakura], role: 'privacy-officer' })
    expect((await staffGet(`/notices?tenant=${sakura}`, officer)).status).toBe(403)
    const expired = await signAssertion({ issuedAgo: 90, lifetime: 60 })
    expect((await staffGet(`/notices?tenant=${sakura}`, expired)).status).toBe(401)
    expect((await staffGet(`/notices?tenant=${sakura}`, null)).status).toBe(401)
    expect((await accessRows(await shardOf(sakura), sakura)).length).toBe(before)
  })
})
