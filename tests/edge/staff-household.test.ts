import { env } from 'cloudflare:workers'
import { generateKeyPair } from 'jose'
import { beforeAll, describe, expect, it } from 'vitest'
import { storeSnapshot } from '../../edge/snapshot/store'
import { addDays, addMonths, localDate, toDayNumber } from '../../shared/calendar'
import { type HouseholdGuide, householdGuide, householdRecord, prepareSnapshot } from '../../shared/contract'
import { fixtureNationalPart } from '../../shared/contract/fixture'
import { minato as minatoPart, residentInShard, sakura as sakuraPart } from './support/second-shard'
import { shardOf } from './support/shards'
import { accessRows, signAssertion, staffGet } from './support/staff'
import { sakuraSurvey } from './support/surveys'

const sakura = 'sakura-city'
const minato = 'minato-town'
const today = localDate(new Date(), 'Asia/Tokyo')
const at = new Date().toISOString()

// A child of 7 months gets a message every 3 days from day 103: the first of those in the
// coming days carries a message of its own in this snapshot.
const birth = addMonths(today, -7)
const childDayToday = toDayNumber(today) - toDayNumber(birth)
const firstInfantDay = childDayToday + ((3 - ((childDayToday - 103) % 3)) % 3)
const model = fixtureNationalPart.messages[0]!
const infantMessage = {
  ...model,
  id: 'msg-infant-first-primary-ja',
  slot: `infant/${firstInfantDay}`,
  subject: '離乳食のころ',
  topics: ['離乳食', '予防接種'],
}

beforeAll(async () => {
  // Placed as the ingest API places new towns: さくら市 on shard 1, みなと町 on shard 2.
  const checkup = sakuraPart.localEntries[0]!
  const snapshot = await prepareSnapshot({
    id: 'staff-household-0001',
    createdAt: '2026-11-21T00:00:00.000Z',
    parts: [
      { ...fixtureNationalPart, messages: [...fixtureNationalPart.messages, infantMessage] },
      // The checkup entry valid whatever day the test runs.
      {
        ...sakuraPart,
        localEntries: [{ ...checkup, validFrom: undefined, validUntil: undefined }],
        surveys: [sakuraSurvey],
      },
      minatoPart,
    ],
  })
  await storeSnapshot(env.DB, snapshot, new Date(), env)

  // さくら市 (shard 1): はな at 28w0d today, with her partner, sends, a consultation, answers.
  await residentInShard('sk-hana', { tenant: sakura, channel: 'email', due: addDays(today, 84) })
  const a = await shardOf(sakura)
  await a.batch([
    a
      .prepare(
        `INSERT INTO subscribers (id, tenant_slug, nickname, audience, language, channel, address, state, created_at, updated_at)
         VALUES ('sk-ken', ?1, 'けん', 'partner', 'ja', 'line', 'Usk-ken', 'active', ?2, ?2)`,
      )
      .bind(sakura, at),
    a
      .prepare(
        `INSERT INTO subscribers (id, tenant_slug, nickname, audience, language, channel, address, state, created_at, updated_at)
         VALUES ('sk-saki', ?1, 'さき', 'family', 'en', 'email', 'saki@example.jp', 'stopped', ?2, ?2)`,
      )
      .bind(sakura, at),
    a.prepare(
      "INSERT INTO timeline_members (timeline_id, subscriber_id) VALUES ('t-sk-hana', 'sk-ken'), ('t-sk-hana', 'sk-saki')",
    ),
    ...[
      ['d-today', today, '["pregnancy/196"]', null, 0],
      ['d-recent', addDays(today, -50), '["pregnancy/146"]', `${addDays(today, -50)}T01:00:00.000Z`, 2],
      ['d-old', addDays(today, -60), '["pregnancy/136"]', null, 0],
    ].map(([id, date, slots, opened, opens]) =>
      a
        .prepare(
          `INSERT INTO deliveries (id, subscriber_id, tenant_slug, local_date, kind, slots, channel, idempotency_key, state,
                                   opened_at, open_count, created_at, updated_at)
           VALUES (?1, 'sk-hana', ?2, ?3, 'program', ?4, 'email', ?1, 'sent', ?5, ?6, ?7, ?7)`,
        )
        .bind(id, sakura, date, slots, opened, opens, at),
    ),
    a.prepare(
      "INSERT INTO delivery_clicks (delivery_id, link, count, first_at) VALUES ('d-recent', 0, 2, '2026-11-01'), ('d-recent', 1, 1, '2026-11-01')",
    ),
    a
      .prepare(
        `INSERT INTO consultations (id, subscriber_id, tenant_slug, category, text, contact_by, contact_phone, contact_hours,
                                    urgent, language, source, status, assignee, created_at)
         VALUES ('c-1', 'sk-hana', ?1, 'body', 'おなかの張りが気になります', 'phone', '09011112222', '午後', 1, 'ja', 'form',
                 'in-progress', 'nurse-7', ?2)`,
      )
      .bind(sakura, at),
    a
      .prepare(
        `INSERT INTO survey_responses (id, subscriber_id, tenant_slug, survey_id, survey_version, answered_on, interview_state, created_at)
         VALUES ('r-1', 'sk-hana', ?1, 'sakura-8m', 1, ?2, 'sent', ?3)`,
      )
      .bind(sakura, today, at),
    a.prepare(
      `INSERT INTO survey_answers (response_id, question_id, position, value) VALUES
         ('r-1', 'feeling', 0, '4'), ('r-1', 'worries', 0, 'body'), ('r-1', 'worries', 1, 'money'),
         ('r-1', 'interview', 0, 'yes'), ('r-1', 'comment', 0, '夜によく眠れません')`,
    ),
    a
      .prepare(
        `INSERT INTO household_references (household_id, tenant_slug, reference, set_by, set_at)
         VALUES ('t-sk-hana', ?1, 'MCH-0042', 'nurse-7', ?2)`,
      )
      .bind(sakura, at),
    a
      .prepare(
        `INSERT INTO household_nurses (household_id, tenant_slug, nurse_user, nurse_name, nurse_contact, assigned_by, assigned_at)
         VALUES ('t-sk-hana', ?1, 'nurse-7', '保健師 さとう', '0120-000-000', 'desk-1', ?2)`,
      )
      .bind(sakura, at),
  ])
  // A loss reported in さくら市.
  await residentInShard('sk-mai', { tenant: sakura, channel: 'sms' })
  await a
    .prepare("UPDATE timelines SET loss_date = ?1, loss_reported_on = ?1 WHERE id = 't-sk-mai'")
    .bind(addDays(today, -2))
    .run()

  // みなと町 (shard 2): ゆい's child at 7 months.
  await residentInShard('mn-yui', { tenant: minato, channel: 'line' })
  await (await shardOf(minato))
    .prepare(
      "UPDATE timelines SET birth_date = ?1, birth_reported_on = ?1, due_date = ?1 WHERE id = 't-mn-yui'",
    )
    .bind(birth)
    .run()
})

const nurse = () => signAssertion({ tenants: [sakura], sub: 'nurse-7' })
const read = async (path: string, token: string) => {
  const answer = await staffGet(path, token)
  expect(answer.status).toBe(200)
  return answer.json()
}

describe("one family's page", () => {
  it('shows the members and their timeline, the last 8 weeks of messages with opens and clicks, consultations, survey answers, reference and nurse', async () => {
    const record = householdRecord.parse(
      await read(`/families/t-sk-hana?tenant=${sakura}&reason=interview`, await nurse()),
    )
    expect(record.loss).toBeNull()
    expect(record.stage.label).toMatch(/^妊娠28週0日（8か月） \/ /)
    expect(record.timeline).toMatchObject({
      household: 't-sk-hana',
      dueDate: addDays(today, 84),
      birthDate: null,
    })
    expect(record.members.map((m) => [m.nickname, m.audience, m.channel, m.state])).toEqual([
      ['はな', 'primary', 'email', 'active'],
      ['けん', 'partner', 'line', 'active'],
      ['さき', 'family', 'email', 'stopped'],
    ])
    expect(record.reference).toBe('MCH-0042')
    expect(record.nurse).toMatchObject({ user: 'nurse-7', name: '保健師 さとう', contact: '0120-000-000' })

    // 8 weeks: 50 days ago is in, 60 days ago is not.
    expect(record.deliveries.map((d) => [d.localDate, d.opens, d.clicks, d.openedAt !== null])).toEqual([
      [today, 0, 0, false],
      [addDays(today, -50), 2, 3, true],
    ])
    expect(record.deliveries[0]?.messages).toEqual([
      {
        slot: 'pregnancy/196',
        label: '妊娠28週0日 / 28 weeks 0 days pregnant',
        subject: '今日のお便り',
        topics: ['面談', '体調'],
      },
    ])
    expect(record.deliveries[1]?.messages[0]).toMatchObject({ slot: 'pregnancy/146', subject: null })

    expect(record.consultations).toEqual([
      expect.objectContaining({
        nickname: 'はな',
        categoryLabel: '体のこと / My body and health',
        urgent: true,
        status: 'in-progress',
        assignee: 'nurse-7',
        text: 'おなかの張りが気になります',
        contactPhone: '09011112222',
      }),
    ])

    expect(record.surveys).toHaveLength(1)
    const answers = record.surveys[0]!
    expect([answers.title, answers.nickname, answers.interview, answers.defined]).toEqual([
      '妊娠8か月のアンケート',
      'はな',
      'sent',
      true,
    ])
    expect(answers.questions.map((q) => [q.label, q.answers])).toEqual([
      ['この1週間の気分は？', ['4']],
      ['気になっていること', ['からだの調子', 'お金や手続き']],
      ['保健師との面談を希望しますか', ['希望する']],
      ['ご意見', ['夜によく眠れません']],
    ])
    expect(JSON.stringify(record)).not.toContain('@example.jp')
    expect(JSON.stringify(record)).not.toContain('Usk-ken')
  })

  it("shows a loss first, and this family's access log with this read in it", async () => {
    const token = await nurse()
    const record = householdRecord.parse(await read(`/families/t-sk-mai?tenant=${sakura}`, token))
    expect(Object.keys(record).slice(0, 3)).toEqual(['household', 'stage', 'loss'])
    expect(record.loss).toEqual({
      date: addDays(today, -2),
      reportedOn: addDays(today, -2),
      label: '喪失のご報告あり / Loss reported',
    })
    const again = householdRecord.parse(
      await read(`/families/t-sk-mai?tenant=${sakura}&reason=follow-up`, token),
    )
    expect(again.accessLog.map((e) => [e.staffUser, e.action, e.household, e.reason])).toEqual([
      ['nurse-7', 'read-household', 't-sk-mai', 'follow-up'],
      ['nurse-7', 'read-household', 't-sk-mai', 'routine'],
    ])
  })

  it('reads a household on shard 2 in its shard', async () => {
    const token = await signAssertion({ tenants: [minato], role: 'desk', sub: 'desk-2' })
    const record = householdRecord.parse(await read(`/families/t-mn-yui?tenant=${minato}`, token))
    expect(record.stage.label).toContain('月齢7か月')
    expect((await accessRows(await shardOf(minato), minato)).map((r) => [r.action, r.household_id])).toEqual([
      ['read-household', 't-mn-yui'],
    ])
  })
})

describe('the interview guide', () => {
  it('shows a pregnancy at 28 weeks day by day for 14 days, with each reader’s topics and the town’s entries, logged as an interview read', async () => {
    const before = (await accessRows(await shardOf(sakura), sakura)).length
    const guide: HouseholdGuide = householdGuide.parse(
      await read(`/families/t-sk-hana/guide?tenant=${sakura}`, await nurse()),
    )
    expect([guide.from, guide.to]).toEqual([today, addDays(today, 13)])
    expect(guide.weeks.map((w) => [w.week, w.from, w.to, w.days.length])).toEqual([
      ['this', today, addDays(today, 6), 7],
      ['next', addDays(today, 7), addDays(today, 13), 7],
    ])
    const days = guide.weeks.flatMap((w) => w.days)
    // Daily through pregnancy: 196 … 209.
    expect(days.map((d) => d.sends.map((s) => s.slot))).toEqual(
      Array.from({ length: 14 }, (_, i) => [`pregnancy/${196 + i}`]),
    )
    const first = days[0]!.sends[0]!
    expect(first.label).toBe('妊娠28週0日 / 28 weeks 0 days pregnant')
    expect(first.unit).toBe('妊娠28週0日（妊娠8か月）')
    expect(first.messages).toEqual([
      { audience: 'primary', language: 'ja', subject: '今日のお便り', topics: ['面談', '体調'] },
      { audience: 'partner', language: 'ja', subject: '今日のお便り', topics: ['パートナー'] },
    ])
    expect(days[1]!.sends[0]!.messages[0]).toMatchObject({ subject: null, topics: [] })
    expect(guide.weeks[0]!.localEntries).toEqual([
      expect.objectContaining({ id: 'sakura-checkup-8m', title: '妊娠8か月面談のご案内', kind: 'checkup' }),
    ])
    // The stopped member is named, and receives nothing: no line of hers.
    expect(guide.readers.map((r) => [r.nickname, r.state])).toEqual([
      ['はな', 'active'],
      ['けん', 'active'],
      ['さき', 'stopped'],
    ])
    const rows = (await accessRows(await shardOf(sakura), sakura)).slice(before)
    expect(rows.map((r) => [r.staff_user, r.action, r.household_id, r.count, r.reason])).toEqual([
      ['nurse-7', 'read-household', 't-sk-hana', 1, 'interview'],
    ])
  })

  it('shows a child at 7 months every third day, on shard 2', async () => {
    const token = await signAssertion({ tenants: [minato], sub: 'nurse-m' })
    const guide = householdGuide.parse(await read(`/families/t-mn-yui/guide?tenant=${minato}`, token))
    const sends = guide.weeks.flatMap((w) =>
      w.days.flatMap((d) => d.sends.map((s) => ({ ...s, date: d.date }))),
    )
    expect(sends.length).toBeGreaterThanOrEqual(4)
    expect(sends.map((s) => s.slot)).toEqual(sends.map((_, i) => `infant/${firstInfantDay + 3 * i}`))
    expect(sends.map((s) => toDayNumber(s.date) - toDayNumber(today))).toEqual(
      sends.map((_, i) => firstInfantDay - childDayToday + 3 * i),
    )
    expect(sends[0]!.unit).toMatch(/^生後\d+日（7か月）$/)
    expect(sends[0]!.messages).toEqual([
      { audience: 'primary', language: 'ja', subject: '離乳食のころ', topics: ['離乳食', '予防接種'] },
    ])
    const last = (await accessRows(await shardOf(minato), minato)).at(-1)
    expect([last?.staff_user, last?.action, last?.household_id, last?.reason]).toEqual([
      'nurse-m',
      'read-household',
      't-mn-yui',
      'interview',
    ])
  })
})

describe('refusals', () => {
  const routes = (household: string, tenant: string) => [
    `/families/${household}?tenant=${tenant}`,
    `/families/${household}/guide?tenant=${tenant}`,
  ]

  it("refuses another town's staff (403) and reads and logs nothing there", async () => {
    const token = await signAssertion({ tenants: [minato], sub: 'nurse-m' })
    const before = (await accessRows(await shardOf(sakura), sakura)).length
    for (const path of routes('t-sk-hana', sakura)) {
      const answer = await staffGet(path, token)
      expect(answer.status).toBe(403)
      expect(await answer.text()).not.toContain('はな')
    }
    expect((await accessRows(await shardOf(sakura), sakura)).length).toBe(before)
    // Under its own town, another town's household is not found.
    for (const path of routes('t-sk-hana', minato)) expect((await staffGet(path, token)).status).toBe(404)
  })

  it('refuses the privacy officer (403), and forged or expired assertions (401), logging nothing', async () => {
    const before = (await accessRows(await shardOf(sakura), sakura)).length
    const officer = await signAssertion({ tenants: [sakura], role: 'privacy-officer' })
    const forged = await signAssertion({ key: (await generateKeyPair('ES256')).privateKey })
    const expired = await signAssertion({ issuedAgo: 90, lifetime: 60 })
    for (const path of routes('t-sk-hana', sakura)) {
      expect((await staffGet(path, officer)).status).toBe(403)
      for (const token of [forged, expired]) {
        const answer = await staffGet(path, token)
        expect(answer.status).toBe(401)
        expect(await answer.text()).toContain(' / ')
      }
    }
    expect((await accessRows(await shardOf(sakura), sakura)).length).toBe(before)
  })

  it('answers 404 for an unknown household, in both languages, and logs the attempt', async () => {
    const token = await nurse()
    for (const path of routes('t-nobody', sakura)) {
      const answer = await staffGet(path, token)
      expect(answer.status).toBe(404)
      expect(await answer.text()).toBe('この世帯は見つかりません / No such household in this town')
    }
    const rows = (await accessRows(await shardOf(sakura), sakura)).filter(
      (r) => r.household_id === 't-nobody',
    )
    expect(rows.map((r) => [r.action, r.count])).toEqual([
      ['read-household', 0],
      ['read-household', 0],
    ])
  })
})
