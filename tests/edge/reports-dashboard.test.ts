import { env, exports } from 'cloudflare:workers'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { app } from '../../edge/app'
import { runTick } from '../../edge/delivery/tick'
import type { Env } from '../../edge/env'
import { buildAggregatesReport } from '../../edge/reports/aggregates'
import { nextWorkingDay } from '../../edge/reports/consultation-counts'
import { addDays, localDate } from '../../shared/calendar'
import { type AggregatesReport, aggregatesReport } from '../../shared/contract'
import { measureSms } from '../../shared/sms/segments'
import { countingAdapter, deliverAll, deps, outbox } from './support/consumer'
import { messagePath, site } from './support/delivered-mail'
import { capturingQueue, emptyDeliveryTables, insertExpecting, rows, storeFixture } from './support/delivery'
import { ingestTokens } from './support/ingest-client'
import { shardOf } from './support/shards'
import { writeTownHistory } from './support/town-history'
import { outboxFor, registerBySms } from './support/verification'

// A small town history in each shard: さくら市 (shard 1) gets 2026-11-23's program through the real
// tick and consumer, its residents open and click their message pages and two stop through the
// stop page; みなと町 (shard 2) is written whole by the town-history helper and then varied.

const get = (path: string) => exports.default.fetch(`${site}${path}`, { redirect: 'manual' })
const post = (path: string, body: string) =>
  exports.default.fetch(`${site}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
  })

const timeZones = new Map([
  ['sakura-city', 'Asia/Tokyo'],
  ['minato-town', 'Asia/Tokyo'],
])
const today = localDate(new Date(), 'Asia/Tokyo')
let sakura: AggregatesReport
let minato: AggregatesReport
let stopPageHtml = ''

async function stopLinkOf(id: string): Promise<string> {
  const [mail] = await rows<{ text: string }>(
    'SELECT text FROM outbox WHERE recipient = ?1',
    `${id}@example.jp`,
  )
  const stop = new RegExp(`${site}(/s/[A-Za-z0-9_-]+)`).exec(mail?.text ?? '')?.[1]
  if (!stop) throw new Error(`no stop link for ${id}`)
  return stop
}

beforeAll(async () => {
  await emptyDeliveryTables()
  const snapshot = await storeFixture({ shards: true })
  await insertExpecting('sub-a')
  await insertExpecting('sub-b', { channel: 'sms' })
  await insertExpecting('sub-c')
  await insertExpecting('sub-d')
  const queue = capturingQueue()
  await runTick({ db: env.DB, queue, snapshot, now: new Date('2026-11-23T00:05:00Z') })
  await deliverAll(deps(snapshot, countingAdapter(outbox())), queue.sent)

  // Reading: a opens twice and clicks, b (SMS) opens once; c and d never open.
  const a = await messagePath('sub-a')
  expect((await get(a)).status).toBe(200)
  expect((await get(a)).status).toBe(200)
  expect((await get(`${a}/go/0`)).status).toBe(302)
  expect((await get(await messagePath('sub-b'))).status).toBe(200)

  // Stops: c gives a reason on the stop page's form, d's mail app sends the one-click POST.
  const cStop = await stopLinkOf('sub-c')
  stopPageHtml = await (await get(cStop)).text()
  expect((await post(cStop, 'List-Unsubscribe=One-Click&reason=too-many')).status).toBe(200)
  expect((await post(await stopLinkOf('sub-d'), 'List-Unsubscribe=One-Click')).status).toBe(200)

  // A registration on 2026-11-21 never confirmed.
  await env.DB.prepare(
    `INSERT INTO subscribers (id, tenant_slug, nickname, audience, language, channel, address, state, created_at, updated_at)
     VALUES ('sub-p', 'sakura-city', 'まだ', 'partner', 'vi', 'sms', '+819099999999', 'pending', '2026-11-21T03:00:00.000Z', '2026-11-21T03:00:00.000Z')`,
  ).run()

  // みなと町: three residents registered 2026-11-20 (a Friday); r1 paused, r2 a Vietnamese partner by SMS.
  const shard2 = await shardOf('minato-town')
  await writeTownHistory(shard2, 'minato-town', 3)
  await shard2.batch([
    shard2.prepare("UPDATE subscribers SET state = 'paused' WHERE id = 'minato-town-r1'"),
    shard2.prepare(
      "UPDATE subscribers SET audience = 'partner', language = 'vi', channel = 'sms' WHERE id = 'minato-town-r2'",
    ),
    // c0 is answered by the staff message the history writes; c1 (urgent) closed the next working
    // day (Monday); c2 closed on Tuesday, too late.
    shard2.prepare(
      "UPDATE consultations SET urgent = 1, status = 'closed', closed_at = '2026-11-23T05:00:00.000Z' WHERE id = 'minato-town-c1'",
    ),
    shard2.prepare(
      "UPDATE consultations SET status = 'closed', closed_at = '2026-11-24T05:00:00.000Z' WHERE id = 'minato-town-c2'",
    ),
  ])

  const now = new Date()
  const period = { from: '2026-11-20', to: today, now, timeZones }
  sakura = await buildAggregatesReport(env.DB, { ...period, tenants: ['sakura-city'] })
  minato = await buildAggregatesReport(shard2, { ...period, tenants: ['minato-town'] })
})

const on = <T extends { date: string }>(list: T[], date: string) => list.filter((row) => row.date === date)
const without = <T extends object>(list: T[], ...keys: (keyof T)[]) =>
  list.map((row) => Object.fromEntries(Object.entries(row).filter(([k]) => !keys.includes(k as keyof T))))

describe("the daily report's dashboard counts", () => {
  it('the stop page asks for an optional reason', () => {
    expect(stopPageHtml).toContain('止める理由')
    for (const value of ['moved', 'enough', 'too-many', 'not-useful', 'other'])
      expect(stopPageHtml).toContain(`name="reason" value="${value}"`)
  })

  it('residents by stage, audience, channel, language and state, as of the end of each date', () => {
    expect(without(on(sakura.residents, '2026-11-23'), 'date', 'tenant')).toEqual(
      expect.arrayContaining([
        {
          stage: 'pregnancy-late',
          audience: 'primary',
          channel: 'email',
          language: 'ja',
          state: 'active',
          count: 3,
        },
        {
          stage: 'pregnancy-late',
          audience: 'primary',
          channel: 'sms',
          language: 'ja',
          state: 'active',
          count: 1,
        },
      ]),
    )
    expect(on(sakura.residents, '2026-11-23')).toHaveLength(2)
    // c and d stopped today: by the end of today only a (email) and b (SMS) remain.
    expect(on(sakura.residents, today).reduce((n, r) => n + r.count, 0)).toBe(2)
    // みなと町 on Friday 2026-11-20 (day 193: 中期), and on the 23rd (day 196: 後期).
    expect(without(on(minato.residents, '2026-11-20'), 'date', 'tenant')).toEqual(
      expect.arrayContaining([
        {
          stage: 'pregnancy-mid',
          audience: 'primary',
          channel: 'email',
          language: 'ja',
          state: 'active',
          count: 1,
        },
        {
          stage: 'pregnancy-mid',
          audience: 'primary',
          channel: 'email',
          language: 'ja',
          state: 'paused',
          count: 1,
        },
        {
          stage: 'pregnancy-mid',
          audience: 'partner',
          channel: 'sms',
          language: 'vi',
          state: 'active',
          count: 1,
        },
      ]),
    )
    expect(on(minato.residents, '2026-11-20')).toHaveLength(3)
    expect(new Set(on(minato.residents, '2026-11-23').map((r) => r.stage))).toEqual(
      new Set(['pregnancy-late']),
    )
    expect(on(minato.residents, '2026-11-19')).toEqual([])
  })

  it('registrations confirmed and never confirmed, on the day they started', () => {
    expect(sakura.registrations).toEqual([
      {
        date: '2026-11-21',
        tenant: 'sakura-city',
        channel: 'sms',
        language: 'vi',
        audience: 'partner',
        confirmed: 0,
        unconfirmed: 1,
      },
    ])
    expect(without(minato.registrations, 'tenant')).toEqual(
      expect.arrayContaining([
        {
          date: '2026-11-20',
          channel: 'email',
          language: 'ja',
          audience: 'primary',
          confirmed: 2,
          unconfirmed: 0,
        },
        {
          date: '2026-11-20',
          channel: 'sms',
          language: 'vi',
          audience: 'partner',
          confirmed: 1,
          unconfirmed: 0,
        },
      ]),
    )
    expect(minato.registrations).toHaveLength(2)
  })

  it('stops by the reason given on the stop page, and not-given for a one-click stop', async () => {
    const stored = await rows<{ id: string; stop_reason: string | null }>(
      "SELECT id, stop_reason FROM subscribers WHERE state = 'stopped' ORDER BY id",
    )
    expect(stored).toEqual([
      { id: 'sub-c', stop_reason: 'too-many' },
      { id: 'sub-d', stop_reason: null },
    ])
    expect(sakura.stops).toEqual(
      expect.arrayContaining([
        { date: today, tenant: 'sakura-city', reason: 'too-many', count: 1 },
        { date: today, tenant: 'sakura-city', reason: 'not-given', count: 1 },
      ]),
    )
    expect(sakura.stops).toHaveLength(2)
    expect(minato.stops).toEqual([])
  })

  it('reading: program sends, message pages opened and links clicked, by channel and stage', async () => {
    // Counted independently from the D1 rows.
    const [email] = await rows<{ sent: number; opened: number; clicked: number }>(
      `SELECT COUNT(*) AS sent, SUM(opened_at IS NOT NULL) AS opened,
              SUM(EXISTS (SELECT 1 FROM delivery_clicks c WHERE c.delivery_id = d.id)) AS clicked
       FROM deliveries d WHERE tenant_slug = 'sakura-city' AND kind = 'program' AND state = 'sent' AND channel = 'email'`,
    )
    expect(email).toEqual({ sent: 3, opened: 1, clicked: 1 })
    expect(without(sakura.reading, 'tenant')).toEqual(
      expect.arrayContaining([
        { date: '2026-11-23', channel: 'email', stage: 'pregnancy-late', ...email },
        { date: '2026-11-23', channel: 'sms', stage: 'pregnancy-late', sent: 1, opened: 1, clicked: 0 },
      ]),
    )
    expect(sakura.reading).toHaveLength(2)
    // みなと町's history: three program sends on the 22nd, each clicked, none opened.
    expect(without(minato.reading, 'tenant')).toEqual([
      { date: '2026-11-22', channel: 'email', stage: 'pregnancy-mid', sent: 3, opened: 0, clicked: 3 },
    ])
  })

  it('costs: messages of every kind by channel, with the SMS segments sent', async () => {
    const [sms] = await rows<{ messages: number; smsSegments: number }>(
      "SELECT COUNT(*) AS messages, SUM(sms_segments) AS smsSegments FROM deliveries WHERE tenant_slug = 'sakura-city' AND channel = 'sms' AND state = 'sent'",
    )
    expect(sms!.smsSegments).toBeGreaterThan(0)
    expect(without(sakura.costs, 'tenant')).toEqual(
      expect.arrayContaining([
        { date: '2026-11-23', channel: 'email', messages: 3, smsSegments: 0 },
        { date: '2026-11-23', channel: 'sms', ...sms },
      ]),
    )
    expect(sakura.costs).toHaveLength(2)
    // Three program messages, a staff message and an announcement.
    expect(without(minato.costs, 'tenant')).toEqual([
      { date: '2026-11-22', channel: 'email', messages: 5, smsSegments: 0 },
    ])
  })

  it('SMS codes write no delivery row, yet count in the SMS sends and cost with their segments', async () => {
    const { response, mobile } = await registerBySms()
    expect(response.status).toBe(303)
    const texts = await outboxFor(mobile.e164)
    expect(texts.map((t) => t.channel)).toEqual(['sms'])
    const segments = measureSms(texts[0]!.text).segments
    expect(segments).toBeGreaterThan(0)
    const report = await buildAggregatesReport(env.DB, {
      from: today,
      to: today,
      tenants: ['sakura-city'],
      now: new Date(),
      timeZones,
    })
    // The code is the town's one SMS today: one send (a confirmation) and its segments in the cost.
    expect(report.deliveries.filter((d) => d.channel === 'sms')).toEqual([
      {
        date: today,
        tenant: 'sakura-city',
        kind: 'confirmation',
        slot: null,
        channel: 'sms',
        outcome: 'sent',
        count: 1,
      },
    ])
    expect(report.costs.filter((c) => c.channel === 'sms')).toEqual([
      { date: today, tenant: 'sakura-city', channel: 'sms', messages: 1, smsSegments: segments },
    ])
  })

  it('consultations received, urgent, and answered within one working day (Mon–Fri)', () => {
    expect(nextWorkingDay('2026-11-20')).toBe('2026-11-23')
    expect(nextWorkingDay('2026-11-23')).toBe('2026-11-24')
    expect(minato.consultations).toEqual([
      { date: '2026-11-20', tenant: 'minato-town', received: 3, urgent: 1, answeredWithinOneWorkingDay: 2 },
    ])
    expect(sakura.consultations).toEqual([])
  })

  it("each shard's report names its own tenant only, and carries counts, never a resident or their words", async () => {
    expect(await shardOf('minato-town')).not.toBe(env.DB)
    expect(sakura.tenants).toEqual(['sakura-city'])
    expect(minato.tenants).toEqual(['minato-town'])
    for (const report of [sakura, minato]) {
      const text = JSON.stringify(report)
      for (const secret of [
        'sub-a',
        'sub-c',
        'minato-town-r',
        'minato-town-c',
        '眠れません',
        '@example.jp',
        '+8190',
      ])
        expect(text).not.toContain(secret)
      expect(report.to).toBe(today)
      expect(addDays(report.from, 0)).toBe('2026-11-20')
    }
  })
})

describe('rebuilding a period the edge still holds', () => {
  const cmsUrl = 'https://cms.example.jp/api/survey-answer-counts/report'
  const configured = { ...env, CMS_AGGREGATES_URL: cmsUrl, AGGREGATES_TOKEN: 'edge-to-cms' } as Env
  const resend = (body: unknown, token: string = ingestTokens.operations) =>
    app.request(
      'http://edge.test/ingest/reports/resend',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      },
      configured,
    )

  it('POST /ingest/reports/resend (yorisoi report) sends each shard’s report of the period again', async () => {
    const reports: AggregatesReport[] = []
    vi.spyOn(globalThis, 'fetch').mockImplementation((async (url: string, init: RequestInit) => {
      if (url !== cmsUrl) return new Response('not here', { status: 404 })
      reports.push(aggregatesReport.parse(JSON.parse(String(init.body))))
      return new Response('{"ok":true}')
    }) as typeof fetch)
    try {
      const answer = await resend({ from: '2026-11-20', to: '2026-11-23' })
      expect(answer.status).toBe(200)
      expect(reports.map((r) => [r.tenants, r.from, r.to])).toEqual([
        [['sakura-city'], '2026-11-20', '2026-11-23'],
        [['minato-town'], '2026-11-20', '2026-11-23'],
      ])
      // The same counts as the daily report's, for those days.
      const [sakuraAgain, minatoAgain] = reports
      expect(sakuraAgain!.reading).toEqual(sakura.reading)
      expect(minatoAgain!.consultations).toEqual(minato.consultations)
      expect(minatoAgain!.residents).toEqual(minato.residents.filter((r) => r.date <= '2026-11-23'))
    } finally {
      vi.restoreAllMocks()
    }
    // Another capability's token, a period backwards or longer than a month: refused.
    expect((await resend({ from: '2026-11-20', to: '2026-11-23' }, ingestTokens.decisions)).status).toBe(401)
    expect((await resend({ from: '2026-11-23', to: '2026-11-20' })).status).toBe(400)
    const long = await resend({ from: '2026-10-01', to: '2026-11-23' })
    expect(long.status).toBe(400)
    expect(JSON.stringify(await long.json())).toContain('期間は 31 日までです')
    // Days whose delivery rows are rolled up already: sending them again would replace with less.
    const gone = await resend({ from: '2026-01-01', to: '2026-01-10' })
    expect(gone.status).toBe(400)
    expect(JSON.stringify(await gone.json())).toContain('エッジが配信の記録を持っているのは')
  })
})

describe('a resident who moved to another town of the same shard', () => {
  it('their sends before the move stay in the old town’s reading, costs and delivery counts, none in the new town’s', async () => {
    const { loadActiveSnapshot } = await import('../../edge/snapshot/read')
    const { loadResident } = await import('../../edge/resident/resident')
    const { transferSubscription } = await import('../../edge/manage/move')
    const zones = new Map([...timeZones, ['kaede-town', 'Asia/Tokyo']])
    const period = { from: '2026-11-20', to: '2026-11-23', now: new Date(), timeZones: zones }
    const report = (tenant: string) => buildAggregatesReport(env.DB, { ...period, tenants: [tenant] })
    const before = await report('sakura-city')
    expect(before.reading.length).toBeGreaterThan(0)
    // sub-a consented when registering, as everyone does; then moves to かえで町, a town on this shard.
    await env.DB.prepare(
      `INSERT INTO consents (subscriber_id, tenant_slug, notice_version, method, given_at)
       VALUES ('sub-a', 'sakura-city', 'v1', 'web-form', '2026-11-01T00:00:00.000Z')`,
    ).run()
    const sakuraTenant = (await loadActiveSnapshot(env.DB))!.tenants.get('sakura-city')!.tenant
    const kaede = { ...sakuraTenant, slug: 'kaede-town', name: { ja: 'かえで町', en: 'Kaede' } }
    const moved = await transferSubscription(
      env,
      { shard: 1, db: env.DB },
      kaede,
      (await loadResident(env.DB, 'sub-a'))!,
      { consent: 'yes', noticeVersion: kaede.privacyNotice.version, ipHash: 'ip' },
      new Date(),
    )
    expect(moved).toEqual({ ok: true })
    expect(await rows("SELECT tenant_slug AS tenant FROM subscribers WHERE id = 'sub-a'")).toEqual([
      { tenant: 'kaede-town' },
    ])
    const after = await report('sakura-city')
    expect(after.reading).toEqual(before.reading)
    expect(after.costs).toEqual(before.costs)
    expect(after.deliveries).toEqual(before.deliveries)
    const newTown = await report('kaede-town')
    expect([newTown.reading, newTown.costs, newTown.deliveries]).toEqual([[], [], []])
  })
})
