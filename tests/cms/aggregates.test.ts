import { handleEndpoints, type Payload, type SanitizedConfig } from 'payload'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { flaggedAlerts, forwardAlerts } from '../../cms/aggregates/alerts'
import { DeskForwardsNotice } from '../../cms/aggregates/DeskForwardsNotice'
import { FlaggedDeliveriesNotice } from '../../cms/aggregates/FlaggedDeliveriesNotice'
import { localDate } from '../../shared/calendar'
import type { AggregatesReportInput as AggregatesReport } from '../../shared/contract'
import { type Cms, startCms } from './support/cms'
import { createWorld, type Person, type World } from './support/people'
import { login, rest } from './support/rest'

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
  for (const collection of [
    'survey-answer-counts',
    'desk-forward-counts',
    'flagged-delivery-counts',
    'undecided-ages',
  ])
    await payload.delete({ collection, where: { id: { exists: true } }, overrideAccess: true })
})

const report = (overrides: Partial<AggregatesReport> = {}): AggregatesReport => ({
  contractVersion: 1,
  generatedAt: '2026-11-24T00:00:00Z',
  from: '2026-11-17',
  to: '2026-11-23',
  deliveries: [],
  deskForwards: [],
  flaggedDeliveries: [],
  undecided: [],
  surveys: [
    {
      date: '2026-11-23',
      tenant: 'minato',
      surveyId: 's-8m',
      surveyVersion: 1,
      questionId: 'feeling',
      value: '4',
      count: 3,
    },
    {
      date: '2026-11-23',
      tenant: 'minato',
      surveyId: 's-8m',
      surveyVersion: 1,
      questionId: 'comment',
      value: null,
      count: 2,
    },
    {
      date: '2026-11-22',
      tenant: 'setagaya',
      surveyId: 's-8m',
      surveyVersion: 1,
      questionId: 'feeling',
      value: '2',
      count: 7,
    },
  ],
  ...overrides,
})

async function send(body: unknown, authorization: string | null = `Bearer ${token}`) {
  const headers = new Headers({ 'content-type': 'application/json' })
  if (authorization) headers.set('authorization', authorization)
  const response = await handleEndpoints({
    config,
    request: new Request('http://localhost/api/survey-answer-counts/report', {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
    }),
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

/** Every stored row of one counts collection as a line of text, sorted. */
async function storedLines<T>(
  collection: string,
  line: (doc: T & { date: string; tenant: { slug: string } }) => string,
): Promise<string[]> {
  const { docs } = await payload.find({ collection, pagination: false, depth: 1, overrideAccess: true })
  return docs.map((d) => line(d as unknown as T & { date: string; tenant: { slug: string } })).sort()
}

/** A report of today (Tokyo) alone, as the dashboard notices look at the last days. */
function sendToday(rows: Partial<AggregatesReport>) {
  const today = localDate(new Date(), 'Asia/Tokyo')
  return send(report({ from: today, to: today, surveys: [], ...rows }))
}

/** A dashboard notice as the given person's dashboard renders it ('' when it shows nothing). */
async function noticeFor(Notice: typeof DeskForwardsNotice, slug: string, who: Person): Promise<string> {
  const element = await Notice({ payload, user: world.users[who], slug, undecidedSlug: 'undecided-ages' })
  return element ? renderToStaticMarkup(element) : ''
}

const stored = () =>
  storedLines<{ questionId: string; value: string | null; count: number }>(
    'survey-answer-counts',
    (doc) => `${doc.date} ${doc.tenant.slug} ${doc.questionId}=${doc.value ?? '*'} ${doc.count}`,
  )

describe('the edge’s daily report', () => {
  it('is stored when authenticated and valid; a later report of the same days replaces, never adds', async () => {
    const first = await send(report())
    expect(first.status).toBe(200)
    expect(await stored()).toEqual([
      '2026-11-22 setagaya feeling=2 7',
      '2026-11-23 minato comment=* 2',
      '2026-11-23 minato feeling=4 3',
    ])
    const later = report()
    later.surveys[0]!.count = 5
    expect((await send(later)).status).toBe(200)
    expect(await stored()).toEqual([
      '2026-11-22 setagaya feeling=2 7',
      '2026-11-23 minato comment=* 2',
      '2026-11-23 minato feeling=4 5',
    ])
  })

  it('refuses a missing or wrong token, a report outside the contract and an unknown tenant, changing nothing', async () => {
    await send(report())
    const before = await stored()
    for (const auth of [null, 'Bearer wrong', `JWT ${token}`, token]) {
      const answer = await send(report({ surveys: [] }), auth)
      expect(answer.status, String(auth)).toBe(401)
    }
    const badVersion = await send({ ...report({ surveys: [] }), contractVersion: 2 })
    expect(badVersion.status).toBe(400)
    expect(String(badVersion.body.issues)).toContain('契約バージョンが違います')
    const negative = report()
    negative.surveys[0]!.count = -1
    expect((await send(negative)).status).toBe(400)
    const backwards = await send(report({ from: '2026-11-30', surveys: [] }))
    expect(backwards.status).toBe(400)
    const stranger = report()
    stranger.surveys[0]!.tenant = 'atlantis'
    const unknown = await send(stranger)
    expect(unknown.status).toBe(422)
    expect(String(unknown.body.reason)).toContain('atlantis')
    expect(await stored()).toEqual(before)
  })
})

describe('who reads the counts', () => {
  const readAs = async (who: Person) =>
    (
      await payload.find({
        collection: 'survey-answer-counts',
        overrideAccess: false,
        user: world.users[who],
        depth: 1,
        pagination: false,
      })
    ).docs.map((d) => (d as unknown as { tenant: { slug: string } }).tenant.slug)

  it('admins read every municipality; staff only their own, never another’s numbers', async () => {
    await send(report())
    expect((await readAs('admin')).sort()).toEqual(['minato', 'minato', 'setagaya'])
    expect(await readAs('staffA')).toEqual(['minato', 'minato'])
    expect(await readAs('staffB')).toEqual(['setagaya'])
  })

  it('other roles and anonymous read nothing; nobody writes through the API', async () => {
    await send(report())
    for (const who of ['editor', 'supervisor', 'viewer'] as const) {
      await expect(readAs(who), who).rejects.toThrow()
    }
    expect((await rest(config, 'GET', '/api/survey-answer-counts')).status).toBe(403)
    const staff = await login(config, world.users.staffA.email)
    const listed = await rest(config, 'GET', '/api/survey-answer-counts?depth=1', { token: staff })
    expect(listed.status).toBe(200)
    expect((listed.body.docs as { tenant: { slug: string } }[]).map((d) => d.tenant.slug)).toEqual([
      'minato',
      'minato',
    ])
    const forged = await rest(config, 'POST', '/api/survey-answer-counts', {
      token: staff,
      body: {
        date: '2026-11-23',
        tenant: world.tenantA.id,
        surveyId: 'x',
        surveyVersion: 1,
        questionId: 'q',
        count: 99,
      },
    })
    expect(forged.status).toBe(403)
    expect(await readAs('admin')).toHaveLength(3)
  })
})

describe('consultations that did not reach the desk', () => {
  const forwards = report({
    surveys: [],
    deskForwards: [
      { date: '2026-11-23', tenant: 'minato', pending: 0, failed: 2 },
      { date: '2026-11-22', tenant: 'minato', pending: 1, failed: 0 },
      { date: '2026-11-23', tenant: 'setagaya', pending: 0, failed: 1 },
    ],
  })
  const storedForwards = () =>
    storedLines<{ failed: number; pending: number }>(
      'desk-forward-counts',
      (doc) => `${doc.date} ${doc.tenant.slug} failed=${doc.failed} pending=${doc.pending}`,
    )

  it('are stored from the report; a later report of the same days replaces them (all delivered: gone)', async () => {
    expect((await send(forwards)).status).toBe(200)
    expect(await storedForwards()).toEqual([
      '2026-11-22 minato failed=0 pending=1',
      '2026-11-23 minato failed=2 pending=0',
      '2026-11-23 setagaya failed=1 pending=0',
    ])
    const later = report({
      surveys: [],
      deskForwards: [{ date: '2026-11-23', tenant: 'minato', pending: 0, failed: 2 }],
    })
    expect((await send(later)).status).toBe(200)
    expect(await storedForwards()).toEqual(['2026-11-23 minato failed=2 pending=0'])
    // An edge that does not report them yet (the field absent) reads as none.
    const { deskForwards: _absent, ...older } = later
    expect((await send(older)).status).toBe(200)
    expect(await storedForwards()).toEqual([])
  })

  it('refuses an unknown tenant and a negative count, changing nothing', async () => {
    await send(forwards)
    const stranger = report({
      surveys: [],
      deskForwards: [{ date: '2026-11-23', tenant: 'atlantis', pending: 0, failed: 1 }],
    })
    expect((await send(stranger)).status).toBe(422)
    const negative = report({
      surveys: [],
      deskForwards: [{ date: '2026-11-23', tenant: 'minato', pending: -1, failed: 1 }],
    })
    expect((await send(negative)).status).toBe(400)
    expect(await storedForwards()).toHaveLength(3)
  })

  it('staff see only their own town’s, on the dashboard notice and in the list; nobody writes them', async () => {
    await send(forwards)
    const alertsFor = async (who: Person) =>
      (
        await forwardAlerts(payload, {
          user: world.users[who],
          slug: 'desk-forward-counts',
          today: '2026-11-24',
        })
      ).map((a) => `${a.date} failed=${a.failed} pending=${a.pending}`)
    expect(await alertsFor('staffA')).toEqual([
      '2026-11-23 failed=2 pending=0',
      '2026-11-22 failed=0 pending=1',
    ])
    expect(await alertsFor('staffB')).toEqual(['2026-11-23 failed=1 pending=0'])
    expect(await alertsFor('admin')).toHaveLength(3)
    // Older than the notice's days: only in the list.
    expect(
      await forwardAlerts(payload, {
        user: world.users.staffA,
        slug: 'desk-forward-counts',
        today: '2027-01-31',
      }),
    ).toEqual([])

    const staff = await login(config, world.users.staffB.email)
    const listed = await rest(config, 'GET', '/api/desk-forward-counts?depth=1', { token: staff })
    expect(listed.status).toBe(200)
    expect((listed.body.docs as { tenant: { slug: string } }[]).map((d) => d.tenant.slug)).toEqual([
      'setagaya',
    ])
    await expect(
      payload.find({ collection: 'desk-forward-counts', overrideAccess: false, user: world.users.editor }),
    ).rejects.toThrow()
    const forged = await rest(config, 'POST', '/api/desk-forward-counts', {
      token: staff,
      body: { date: '2026-11-23', tenant: world.tenantB.id, failed: 0, pending: 0 },
    })
    expect(forged.status).toBe(403)
  })

  it('the dashboard notice shows staff their town’s days with failures, and nothing where all arrived', async () => {
    const today = localDate(new Date(), 'Asia/Tokyo')
    await sendToday({ deskForwards: [{ date: today, tenant: 'minato', pending: 0, failed: 3 }] })
    const notice = (who: Person) => noticeFor(DeskForwardsNotice, 'desk-forward-counts', who)
    const staffA = await notice('staffA')
    expect(staffA).toContain('窓口に届いていない相談があります')
    expect(staffA).toContain(`<td>${today}</td><td>港区</td><td>3</td><td>0</td>`)
    expect(staffA).toContain('href="/admin/collections/desk-forward-counts"')
    expect(await notice('staffB')).toBe('')
    expect(await notice('editor')).toBe('')
  })
})

describe('daily messages waiting for a person’s decision at the edge', () => {
  const storedFlagged = () =>
    storedLines<{ open: number; resolved: number; deadLetters: number }>(
      'flagged-delivery-counts',
      (doc) =>
        `${doc.date} ${doc.tenant.slug} open=${doc.open} resolved=${doc.resolved} dead=${doc.deadLetters}`,
    )
  const flagged = (rows: AggregatesReport['flaggedDeliveries']) =>
    report({ surveys: [], flaggedDeliveries: rows })

  it('are stored from the report; a day before the period is replaced while it has open ones, and kept once decided', async () => {
    expect(
      (
        await send(
          flagged([
            { date: '2026-11-23', tenant: 'minato', open: 2, resolved: 0, deadLetters: 1 },
            { date: '2026-11-20', tenant: 'setagaya', open: 0, resolved: 1, deadLetters: 0 },
            // Before the period (from 2026-11-17): still open at the edge.
            { date: '2026-11-02', tenant: 'minato', open: 1, resolved: 0, deadLetters: 0 },
            { date: '2026-11-01', tenant: 'setagaya', open: 1, resolved: 0, deadLetters: 0 },
          ]),
        )
      ).status,
    ).toBe(200)
    expect(await storedFlagged()).toEqual([
      '2026-11-01 setagaya open=1 resolved=0 dead=0',
      '2026-11-02 minato open=1 resolved=0 dead=0',
      '2026-11-20 setagaya open=0 resolved=1 dead=0',
      '2026-11-23 minato open=2 resolved=0 dead=1',
    ])
    // Next day: minato's were decided (the old day reported as resolved since), setagaya's old
    // one was pruned at the edge (not reported): no open count outlives what the edge knows.
    const later = flagged([
      { date: '2026-11-23', tenant: 'minato', open: 0, resolved: 2, deadLetters: 1 },
      { date: '2026-11-02', tenant: 'minato', open: 0, resolved: 1, deadLetters: 0 },
    ])
    expect((await send(later)).status).toBe(200)
    expect((await send(later)).status).toBe(200)
    expect(await storedFlagged()).toEqual([
      '2026-11-02 minato open=0 resolved=1 dead=0',
      '2026-11-23 minato open=0 resolved=2 dead=1',
    ])
    // A decided day before the period stays when a report no longer names it.
    expect((await send(flagged([]))).status).toBe(200)
    expect(await storedFlagged()).toEqual(['2026-11-02 minato open=0 resolved=1 dead=0'])
    const stranger = flagged([
      { date: '2026-11-23', tenant: 'atlantis', open: 1, resolved: 0, deadLetters: 0 },
    ])
    expect((await send(stranger)).status).toBe(422)
    expect(await storedFlagged()).toEqual(['2026-11-02 minato open=0 resolved=1 dead=0'])
  })

  it('staff see only their own town’s, on the dashboard notice and in the list; nobody writes them', async () => {
    const today = localDate(new Date(), 'Asia/Tokyo')
    await sendToday({
      flaggedDeliveries: [
        { date: today, tenant: 'minato', open: 2, resolved: 1, deadLetters: 1 },
        { date: today, tenant: 'setagaya', open: 0, resolved: 3, deadLetters: 0 },
      ],
    })
    const alertsFor = async (who: Person) =>
      (await flaggedAlerts(payload, { user: world.users[who], slug: 'flagged-delivery-counts', today })).map(
        (a) => `${a.tenant} open=${a.open} resolved=${a.resolved} dead=${a.deadLetters}`,
      )
    expect(await alertsFor('staffA')).toEqual(['港区 open=2 resolved=1 dead=1'])
    // All decided: nothing to ask for.
    expect(await alertsFor('staffB')).toEqual([])
    expect(await alertsFor('admin')).toHaveLength(1)
    const notice = (who: Person) => noticeFor(FlaggedDeliveriesNotice, 'flagged-delivery-counts', who)
    const staffA = await notice('staffA')
    expect(staffA).toContain('届いたか確かめる必要があるお便りがあります')
    expect(staffA).toContain(`<td>${today}</td><td>港区</td><td>2</td><td>1</td><td>1</td>`)
    expect(staffA).toContain('href="/admin/collections/flagged-delivery-counts"')
    expect(await notice('staffB')).toBe('')
    expect(await notice('editor')).toBe('')

    const staff = await login(config, world.users.staffB.email)
    const listed = await rest(config, 'GET', '/api/flagged-delivery-counts?depth=1', { token: staff })
    expect(listed.status).toBe(200)
    expect((listed.body.docs as { tenant: { slug: string } }[]).map((d) => d.tenant.slug)).toEqual([
      'setagaya',
    ])
    await expect(
      payload.find({
        collection: 'flagged-delivery-counts',
        overrideAccess: false,
        user: world.users.viewer,
      }),
    ).rejects.toThrow()
    const forged = await rest(config, 'POST', '/api/flagged-delivery-counts', {
      token: staff,
      body: { date: today, tenant: world.tenantB.id, open: 0, resolved: 0, deadLetters: 0 },
    })
    expect(forged.status).toBe(403)
  })
})

describe('how long the oldest undecided ones have waited at the edge', () => {
  const storedAges = () =>
    storedLines<{ flaggedDeliveryDays: number | null; deskForwardDays: number | null }>(
      'undecided-ages',
      (doc) =>
        `${doc.date} ${doc.tenant.slug} flagged=${doc.flaggedDeliveryDays ?? '-'} desk=${doc.deskForwardDays ?? '-'}`,
    )

  it('are stored per tenant as of the report’s day; each report replaces them all (none named: none stored)', async () => {
    const ages = report({
      surveys: [],
      undecided: [
        { tenant: 'minato', flaggedDeliveryDays: 120, deskForwardDays: null },
        { tenant: 'setagaya', flaggedDeliveryDays: 3, deskForwardDays: 41 },
      ],
    })
    expect((await send(ages)).status).toBe(200)
    // generatedAt 2026-11-24T00:00Z is 24 November in Tokyo.
    expect(await storedAges()).toEqual([
      '2026-11-24 minato flagged=120 desk=-',
      '2026-11-24 setagaya flagged=3 desk=41',
    ])
    const later = report({
      surveys: [],
      generatedAt: '2026-11-25T00:00:00Z',
      undecided: [{ tenant: 'minato', flaggedDeliveryDays: 121, deskForwardDays: null }],
    })
    expect((await send(later)).status).toBe(200)
    expect(await storedAges()).toEqual(['2026-11-25 minato flagged=121 desk=-'])
    // An edge that does not report them yet (the field absent) reads as none waiting.
    const { undecided: _absent, ...older } = later
    expect((await send(older)).status).toBe(200)
    expect(await storedAges()).toEqual([])
    // Unknown tenant or a negative age: refused, nothing changed.
    await send(ages)
    const stranger = report({
      surveys: [],
      undecided: [{ tenant: 'atlantis', flaggedDeliveryDays: 1, deskForwardDays: null }],
    })
    expect((await send(stranger)).status).toBe(422)
    const negative = report({
      surveys: [],
      undecided: [{ tenant: 'minato', flaggedDeliveryDays: -1, deskForwardDays: null }],
    })
    expect((await send(negative)).status).toBe(400)
    expect(await storedAges()).toHaveLength(2)
  })

  it('the dashboard notices say how old the oldest is, to staff of that town only, even with nothing in the last days', async () => {
    // Nothing in the notices' days; only old ones, kept at the edge until decided.
    await sendToday({
      generatedAt: new Date().toISOString(),
      undecided: [
        { tenant: 'minato', flaggedDeliveryDays: 120, deskForwardDays: 41 },
        { tenant: 'setagaya', flaggedDeliveryDays: null, deskForwardDays: 5 },
      ],
    })
    const today = localDate(new Date(), 'Asia/Tokyo')
    const flaggedNotice = (who: Person) => noticeFor(FlaggedDeliveriesNotice, 'flagged-delivery-counts', who)
    const deskNotice = (who: Person) => noticeFor(DeskForwardsNotice, 'desk-forward-counts', who)

    const flaggedA = await flaggedNotice('staffA')
    expect(flaggedA).toContain('届いたか確かめる必要があるお便りがあります')
    expect(flaggedA).toContain(
      `港区: 最も古いものは配信日から120日、決定を待っています（${today}時点） / 港区: the oldest has waited 120 days since its delivery date (as of ${today})`,
    )
    expect(flaggedA).not.toContain('<table>')
    expect(await flaggedNotice('staffB')).toBe('')

    const deskA = await deskNotice('staffA')
    expect(deskA).toContain('窓口に届いていない相談があります')
    expect(deskA).toContain('港区: 最も古い相談は41日前のもので、まだ窓口に届いていません')
    expect(deskA).toContain('the oldest consultation, made 41 days ago, has not reached the desk')
    const deskB = await deskNotice('staffB')
    expect(deskB).toContain('最も古い相談は5日前のもの')
    expect(deskB).not.toContain('港区')
    expect(await deskNotice('admin')).toContain('41日前')
    expect(await deskNotice('editor')).toBe('')

    // Decided since: the next report names nobody, the notices say nothing.
    await sendToday({ undecided: [] })
    expect(await flaggedNotice('staffA')).toBe('')
    expect(await deskNotice('staffA')).toBe('')
  })
})

describe('one report per shard of the edge', () => {
  const survey = (tenant: string, count: number) => ({
    date: '2026-11-23',
    tenant,
    surveyId: 's-8m',
    surveyVersion: 1,
    questionId: 'feeling',
    value: '4',
    count,
  })
  /** A shard's report: its one tenant's counts of 2026-11-23, naming that tenant alone. */
  const shardReport = (tenant: string, count: number, failed: number) =>
    report({
      tenants: [tenant],
      surveys: [survey(tenant, count)],
      deskForwards: failed > 0 ? [{ date: '2026-11-23', tenant, pending: 0, failed }] : [],
      flaggedDeliveries: [{ date: '2026-11-23', tenant, open: count, resolved: 0, deadLetters: 0 }],
      undecided: [{ tenant, flaggedDeliveryDays: count, deskForwardDays: null }],
    })
  const everything = async () => ({
    surveys: await stored(),
    forwards: await storedLines<{ failed: number }>(
      'desk-forward-counts',
      (doc) => `${doc.date} ${doc.tenant.slug} failed=${doc.failed}`,
    ),
    flagged: await storedLines<{ open: number }>(
      'flagged-delivery-counts',
      (doc) => `${doc.date} ${doc.tenant.slug} open=${doc.open}`,
    ),
    ages: await storedLines<{ flaggedDeliveryDays: number | null }>(
      'undecided-ages',
      (doc) => `${doc.tenant.slug} flagged=${doc.flaggedDeliveryDays}`,
    ),
  })

  it('keeps both towns’ counts of the same day, and a report sent again replaces only its own town’s', async () => {
    expect((await send(shardReport('minato', 3, 1))).status).toBe(200)
    expect((await send(shardReport('setagaya', 7, 2))).status).toBe(200)
    expect(await everything()).toEqual({
      surveys: ['2026-11-23 minato feeling=4 3', '2026-11-23 setagaya feeling=4 7'],
      forwards: ['2026-11-23 minato failed=1', '2026-11-23 setagaya failed=2'],
      flagged: ['2026-11-23 minato open=3', '2026-11-23 setagaya open=7'],
      ages: ['minato flagged=3', 'setagaya flagged=7'],
    })

    // Setagaya's shard again the next hour: its consultations reached the desk meanwhile.
    expect((await send(shardReport('setagaya', 9, 0))).status).toBe(200)
    expect(await everything()).toEqual({
      surveys: ['2026-11-23 minato feeling=4 3', '2026-11-23 setagaya feeling=4 9'],
      forwards: ['2026-11-23 minato failed=1'],
      flagged: ['2026-11-23 minato open=3', '2026-11-23 setagaya open=9'],
      ages: ['minato flagged=3', 'setagaya flagged=9'],
    })
  })

  it('refuses a report whose rows name a town it does not list, changing nothing', async () => {
    await send(shardReport('minato', 3, 1))
    const before = await everything()
    const stray = shardReport('minato', 5, 0)
    stray.surveys.push(survey('setagaya', 1))
    const answer = await send(stray)
    expect(answer.status).toBe(400)
    expect(String(answer.body.issues)).toContain('tenants')
    expect(await everything()).toEqual(before)
    // A shard whose only town the CMS does not know yet, with nothing to say: nothing changes.
    expect((await send(report({ tenants: ['atlantis'], surveys: [] }))).status).toBe(200)
    expect(await everything()).toEqual(before)
  })
})
