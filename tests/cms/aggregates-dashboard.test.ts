import { handleEndpoints, type Payload, type SanitizedConfig, type Where } from 'payload'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { dashboardSlugs } from '../../cms/aggregates/dashboard-collections'
import { DashboardBody } from '../../cms/dashboard/DashboardBody'
import { loadDashboard } from '../../cms/dashboard/load'
import { ReportPage } from '../../cms/dashboard/ReportPage'
import { sampleMark } from '../../cms/dashboard/SampleNotice'
import { sectionsOf } from '../../cms/dashboard/sections'
import { seedSampleHistory } from '../../seed/cms/sample-history'
import { tenantDocOf } from '../../seed/cms/tenant-docs'
import { loadSeedTenants } from '../../seed/tenants'
import type { AggregatesReportInput } from '../../shared/contract'
import { smsPricePerSegment } from '../../shared/sms/price'
import { type Cms, startCms } from './support/cms'
import { createWorld, type World } from './support/people'

let cms: Cms
let payload: Payload
let config: SanitizedConfig
let world: World
const token = 'test-aggregates-token'

beforeAll(async () => {
  process.env.YORISOI_AGGREGATES_TOKEN = token
  cms = await startCms()
  payload = cms.payload
  config = cms.config
  world = await createWorld(payload)
})
afterAll(() => cms?.stop())
beforeEach(async () => {
  for (const collection of ['survey-answer-counts', ...Object.values(dashboardSlugs)])
    await payload.delete({ collection, where: { id: { exists: true } }, overrideAccess: true })
})

/** One shard's report of one town over 2026-11-22..23, a row in every list; `n` scales each count. */
function townReport(tenant: string, n = 1): AggregatesReportInput {
  const date = '2026-11-23'
  return {
    contractVersion: 1,
    generatedAt: '2026-11-24T00:00:00Z',
    from: '2026-11-22',
    to: date,
    tenants: [tenant],
    deliveries: [
      { date, tenant, kind: 'program', slot: 'pregnancy/196', channel: 'sms', outcome: 'sent', count: 4 * n },
      {
        date,
        tenant,
        kind: 'confirmation',
        slot: null,
        channel: 'email',
        outcome: 'failed-permanent',
        count: n,
      },
    ],
    surveys: [
      { date, tenant, surveyId: 's-8m', surveyVersion: 1, questionId: 'feeling', value: '4', count: 3 * n },
    ],
    residents: [
      {
        date,
        tenant,
        stage: 'pregnancy-late',
        audience: 'primary',
        channel: 'sms',
        language: 'ja',
        state: 'active',
        count: 9 * n,
      },
      {
        date,
        tenant,
        stage: 'to-1',
        audience: 'partner',
        channel: 'line',
        language: 'vi',
        state: 'paused',
        count: n,
      },
    ],
    registrations: [
      {
        date,
        tenant,
        channel: 'email',
        language: 'ja',
        audience: 'primary',
        confirmed: 2 * n,
        unconfirmed: n,
      },
    ],
    stops: [{ date, tenant, reason: 'too-many', count: n }],
    reading: [
      { date, tenant, channel: 'sms', stage: 'pregnancy-late', sent: 4 * n, opened: 3 * n, clicked: n },
    ],
    costs: [{ date, tenant, channel: 'sms', messages: 4 * n, smsSegments: 8 * n }],
    consultations: [{ date, tenant, received: 2 * n, urgent: n, answeredWithinOneWorkingDay: n }],
    surveyResponses: [
      {
        date,
        tenant,
        surveyId: 'survey-7-2',
        surveyVersion: 1,
        stage: 'to-1',
        offered: 5 * n,
        reminded: 2 * n,
        answered: 3 * n,
        interviewsRequested: n,
        interviewsHeld: n,
      },
      {
        date,
        tenant,
        surveyId: 'survey-7-2',
        surveyVersion: 1,
        stage: null,
        offered: 0,
        reminded: 0,
        answered: n,
        interviewsRequested: 0,
        interviewsHeld: 0,
      },
    ],
    tasks: [
      { date, tenant, taskId: 'task-3', offered: 6 * n, reminded: 3 * n, done: 2 * n, doneAfterReminder: n },
    ],
    providerPauses: [{ date, tenant, channel: 'line', cause: 'refused', count: n }],
  }
}

async function send(body: unknown) {
  const response = await handleEndpoints({
    config,
    request: new Request('http://localhost/api/survey-answer-counts/report', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    }),
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

const fieldsOf = {
  deliveries: ['kind', 'slot', 'channel', 'outcome', 'count'],
  residents: ['stage', 'audience', 'channel', 'language', 'state', 'count'],
  registrations: ['channel', 'language', 'audience', 'confirmed', 'unconfirmed'],
  stops: ['reason', 'count'],
  reading: ['channel', 'stage', 'sent', 'opened', 'clicked'],
  costs: ['channel', 'messages', 'smsSegments'],
  consultations: ['received', 'urgent', 'answeredWithinOneWorkingDay'],
  surveyResponses: [
    'surveyId',
    'surveyVersion',
    'stage',
    'offered',
    'reminded',
    'answered',
    'interviewsRequested',
    'interviewsHeld',
  ],
  tasks: ['taskId', 'offered', 'reminded', 'done', 'doneAfterReminder'],
  providerPauses: ['channel', 'cause', 'count'],
} as const

/** Every stored row of every dashboard list (and the survey counts), as sorted lines of text. */
async function everything(where?: Where): Promise<Record<string, string[]>> {
  const all: Record<string, string[]> = {}
  for (const [list, slug] of [
    ...Object.entries(dashboardSlugs),
    ['surveys', 'survey-answer-counts'] as const,
  ] as const) {
    const fields: readonly string[] =
      list === 'surveys' ? ['questionId', 'value', 'count'] : fieldsOf[list as keyof typeof fieldsOf]
    const { docs } = await payload.find({
      collection: slug,
      pagination: false,
      depth: 1,
      overrideAccess: true,
      ...(where ? { where } : {}),
    })
    all[list] = docs
      .map((d) => {
        const doc = d as unknown as Record<string, unknown> & { date: string; tenant: { slug: string } }
        return [doc.date, doc.tenant.slug, ...fields.map((f) => String(doc[f] ?? '-'))].join(' ')
      })
      .sort()
  }
  return all
}

/** What `townReport(tenant, n)` stores, list by list. */
const expected = (tenant: string, n = 1) => ({
  deliveries: [
    `2026-11-23 ${tenant} confirmation - email failed-permanent ${n}`,
    `2026-11-23 ${tenant} program pregnancy/196 sms sent ${4 * n}`,
  ],
  residents: [
    `2026-11-23 ${tenant} pregnancy-late primary sms ja active ${9 * n}`,
    `2026-11-23 ${tenant} to-1 partner line vi paused ${n}`,
  ],
  registrations: [`2026-11-23 ${tenant} email ja primary ${2 * n} ${n}`],
  stops: [`2026-11-23 ${tenant} too-many ${n}`],
  reading: [`2026-11-23 ${tenant} sms pregnancy-late ${4 * n} ${3 * n} ${n}`],
  costs: [`2026-11-23 ${tenant} sms ${4 * n} ${8 * n}`],
  consultations: [`2026-11-23 ${tenant} ${2 * n} ${n} ${n}`],
  surveyResponses: [
    `2026-11-23 ${tenant} survey-7-2 1 - 0 0 ${n} 0 0`,
    `2026-11-23 ${tenant} survey-7-2 1 to-1 ${5 * n} ${2 * n} ${3 * n} ${n} ${n}`,
  ],
  tasks: [`2026-11-23 ${tenant} task-3 ${6 * n} ${3 * n} ${2 * n} ${n}`],
  providerPauses: [`2026-11-23 ${tenant} line refused ${n}`],
  surveys: [`2026-11-23 ${tenant} feeling 4 ${3 * n}`],
})

const merged = (...parts: Record<string, string[]>[]) =>
  Object.fromEntries(Object.keys(parts[0]!).map((list) => [list, parts.flatMap((p) => p[list] ?? []).sort()]))

describe('the dashboard’s counts from the edge’s report', () => {
  it('every list is stored, deliveries too', async () => {
    const answer = await send(townReport('minato'))
    expect(answer.status).toBe(200)
    expect(await everything()).toEqual(expected('minato'))
  })

  it('a second report of the same (tenant, days) replaces them, never adds; a day it no longer names is emptied', async () => {
    await send(townReport('minato'))
    await send(townReport('minato', 2))
    expect(await everything()).toEqual(expected('minato', 2))
    // The same period without the stops: that day has none now.
    expect((await send({ ...townReport('minato', 2), stops: [] })).status).toBe(200)
    expect((await everything()).stops).toEqual([])
  })

  it('two shards’ reports for different towns never erase each other', async () => {
    expect((await send(townReport('minato'))).status).toBe(200)
    expect((await send(townReport('setagaya', 3))).status).toBe(200)
    expect((await send(townReport('minato', 2))).status).toBe(200)
    expect(await everything()).toEqual(merged(expected('minato', 2), expected('setagaya', 3)))
  })

  it('a malformed report changes nothing and answers 400 in Japanese first', async () => {
    await send(townReport('minato'))
    const before = await everything()
    const bad = townReport('minato', 5)
    const [resident] = bad.residents!
    const malformed = { ...bad, residents: [{ ...resident, stage: 'newborn' }] }
    const answer = await send(malformed)
    expect(answer.status).toBe(400)
    expect(String(answer.body.reason)).toMatch(/^集計の形式が正しくありません \/ /)
    expect(String(answer.body.issues)).toContain('residents.0.stage')
    // A row of a town the report does not speak for is refused too.
    const stray = townReport('minato', 5)
    stray.stops = [{ date: '2026-11-23', tenant: 'setagaya', reason: 'moved', count: 1 }]
    expect((await send(stray)).status).toBe(400)
    expect(await everything()).toEqual(before)
  })

  it('SMS codes, reported as SMS confirmations with their segments, show in the town’s SMS sends and cost', async () => {
    const date = '2026-11-23'
    const report = townReport('minato')
    // Two codes (no delivery row at the edge) beside the four program texts: six texts, ten segments.
    report.deliveries.push({
      date,
      tenant: 'minato',
      kind: 'confirmation',
      slot: null,
      channel: 'sms',
      outcome: 'sent',
      count: 2,
    })
    report.costs = [{ date, tenant: 'minato', channel: 'sms', messages: 6, smsSegments: 10 }]
    expect((await send(report)).status).toBe(200)
    const sections = sectionsOf(
      await loadDashboard(payload, world.users.staffA, { from: '2026-11-22', to: date, tenant: null }),
    )
    const table = (key: string) => sections.flatMap((s) => s.tables).find((t) => t.key === key)!
    const sends = table('sends')
    const sms = sends.columns.indexOf('SMS')
    expect(sends.rows.find((row) => row[0] === date)?.[sms]).toBe(6)
    const [cost] = table('cost-per-month').rows
    const price = Number(cost?.[3])
    expect(cost?.slice(2, 5)).toEqual([10, price, Math.round(10 * price)])
  })

  it('staff read their own town’s counts only', async () => {
    await send(townReport('minato'))
    await send(townReport('setagaya'))
    for (const slug of Object.values(dashboardSlugs)) {
      const { docs } = await payload.find({
        collection: slug,
        pagination: false,
        depth: 0,
        overrideAccess: false,
        user: world.users.staffA,
      })
      expect(docs.length, slug).toBeGreaterThan(0)
      expect(new Set(docs.map((d) => (d as unknown as { tenant: unknown }).tenant)), slug).toEqual(
        new Set([world.tenantA.id]),
      )
    }
  })

  it('a town’s settings for the dashboard: SMS price per segment, LINE free quota and price, pregnancy notifications', async () => {
    const town = (await payload.findByID({
      collection: 'tenants',
      id: world.tenantA.id,
      overrideAccess: true,
    })) as unknown as Record<string, unknown>
    expect(town.smsUnitPriceYen).toBe(smsPricePerSegment.yen)
    // The plan for local governments (shared/platform-notes.md): free, no limit, nothing per message.
    expect(town.lineFreeQuota ?? null).toBeNull()
    expect(town.lineYenPerMessage).toBe(0)
    expect(town.pregnancyNotificationsPerYear ?? null).toBeNull()
    const updated = (await payload.update({
      collection: 'tenants',
      id: world.tenantA.id,
      data: {
        pregnancyNotificationsPerYear: 1200,
        smsUnitPriceYen: 9.9,
        lineFreeQuota: 200,
        lineYenPerMessage: 3,
      },
      overrideAccess: true,
    })) as unknown as Record<string, unknown>
    expect(updated.lineFreeQuota).toBe(200)
    expect(updated.lineYenPerMessage).toBe(3)
    expect(updated.pregnancyNotificationsPerYear).toBe(1200)
    expect(updated.smsUnitPriceYen).toBe(9.9)
  })
})

describe('npm start’s sample month (seed/history), stored like a report', () => {
  it('is marked as sample on the dashboard and its print, and each day an edge reports replaces that day’s sample', async () => {
    for (const town of loadSeedTenants())
      await payload.create({ collection: 'tenants', data: tenantDocOf(town) as never, overrideAccess: true })
    const today = '2026-12-07'
    const slugs = ['sorairo-town', 'mizuhoshi-city', 'komorebi-ward']
    expect((await seedSampleHistory({ payload, today })).written).toEqual(slugs)
    // Another start the same day finds the month there and writes nothing.
    expect(await seedSampleHistory({ payload, today })).toEqual({ written: [], kept: slugs })
    const ids = Object.fromEntries(
      (
        await payload.find({ collection: 'tenants', where: { slug: { in: slugs } }, pagination: false })
      ).docs.map((t) => [t.slug, t.id]),
    )
    for (const slug of slugs) {
      const { docs } = await payload.find({
        collection: 'delivery-counts',
        where: { tenant: { equals: ids[slug] } },
        pagination: false,
        depth: 0,
      })
      const days = [...new Set(docs.map((d) => d.date))].sort()
      expect(days.length, slug).toBe(30)
      expect([days[0], days.at(-1)], slug).toEqual(['2026-11-07', '2026-12-06'])
    }
    const sorairoOnly: Where = { tenant: { equals: ids['sorairo-town'] } }
    const stored = await everything(sorairoOnly)
    // The lists added with the tasks and pauses are filled too (surveys and tasks: none seeded here).
    expect(stored.providerPauses!.length).toBeGreaterThan(0)

    const period = { from: '2026-11-09', to: '2026-12-06', tenant: null }
    const admin = await loadDashboard(payload, world.users.admin, period)
    expect(admin.sampleDays).toBe(28 * 3)
    const page = renderToStaticMarkup(
      createElement(DashboardBody, {
        data: admin,
        sections: sectionsOf(admin),
        admin: '/admin',
        api: '/api',
      }),
    )
    expect(page).toContain('サンプルデータです。')
    const report = renderToStaticMarkup(
      createElement(ReportPage, { data: admin, sections: sectionsOf(admin) }),
    )
    // Every printed page says so too, should one be handed on alone.
    expect(report.split(sampleMark).length - 1).toBe(sectionsOf(admin).length)
    // Staff of a town with only real counts see no such notice.
    const staff = await loadDashboard(payload, world.users.staffA, period)
    expect(staff.sampleDays).toBe(0)
    expect(
      renderToStaticMarkup(
        createElement(DashboardBody, {
          data: staff,
          sections: sectionsOf(staff),
          admin: '/admin',
          api: '/api',
        }),
      ),
    ).not.toContain('サンプルデータ')

    // The edge reports 2026-11-22..23 for そらいろ町: those two days are its numbers, no longer sample.
    expect((await send(townReport('sorairo-town'))).status).toBe(200)
    const after = await everything(sorairoOnly)
    const ofDay = (lines: string[], date: string) =>
      lines.filter((l) => l.startsWith(`${date} sorairo-town `))
    for (const [list, lines] of Object.entries(expected('sorairo-town')))
      expect(ofDay(after[list]!, '2026-11-23'), list).toEqual(lines)
    expect(ofDay(after.residents!, '2026-11-22')).toEqual([])
    expect(ofDay(after.residents!, '2026-11-24')).toEqual(ofDay(stored.residents!, '2026-11-24'))
    const one = await loadDashboard(payload, world.users.admin, {
      ...period,
      tenant: String(ids['sorairo-town']),
    })
    expect(one.sampleDays).toBe(26)

    // A later start: the town an edge reported for is left alone, the others get the new month.
    expect(await seedSampleHistory({ payload, today: '2026-12-08' })).toEqual({
      written: ['mizuhoshi-city', 'komorebi-ward'],
      kept: ['sorairo-town'],
    })
    expect(ofDay((await everything(sorairoOnly)).deliveries!, '2026-11-23')).toEqual(
      expected('sorairo-town').deliveries,
    )
  })
})
