import Papa from 'papaparse'
import type { Payload, PayloadRequest } from 'payload'
import type { ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { csvEndpoint, reportEndpoint } from '../../cms/dashboard/endpoints'
import { HomeView } from '../../cms/dashboard/HomeView'
import { periodFrom } from '../../cms/dashboard/period'
import { type Cms, startCms } from './support/cms'
import { createWorld, type Person, type World } from './support/people'

// The admin chrome needs Next's request context; the view's own markup is what is under test.
vi.mock('../../cms/plugin/views/ViewFrame', () => ({
  ViewFrame: ({ children }: { children: ReactNode }) => children,
}))
vi.mock('@payloadcms/next/views', () => ({ DefaultDashboard: () => 'payload-default-home' }))

let cms: Cms
let payload: Payload
let world: World
/** The contract id of town A's task, a CMS document: the dashboard shows its title. */
let birthReport = ''
/** Town A's task with a title longer than a chart's label column. */
const longTitle =
  '妊娠届出後の母子健康手帳交付時面談と出産・子育て応援ギフトの申請手続き（産後ケア事業の案内を含む）'
/** Town A's survey in the CMS, as the counts name it (its first time), and its title. */
let checkup = ''
const checkupTitle = '産後2週間のアンケート'

const period = { from: '2026-11-01', to: '2026-11-28' }

const put = (collection: string, tenant: number | string, rows: Record<string, unknown>[]) =>
  Promise.all(
    rows.map((data) =>
      payload.create({ collection: collection as 'tenants', data: { ...data, tenant } as never }),
    ),
  )

beforeAll(async () => {
  cms = await startCms()
  payload = cms.payload
  world = await createWorld(payload)
  const a = world.tenantA.id
  const b = world.tenantB.id
  await payload.update({
    collection: 'tenants',
    id: a,
    data: {
      smsUnitPriceYen: 10,
      lineFreeQuota: 200,
      lineYenPerMessage: 3,
      channels: ['email', 'sms', 'line'],
    } as never,
  })
  await payload.update({
    collection: 'tenants',
    id: b,
    data: { pregnancyNotificationsPerYear: 1200 } as never,
  })
  // Town A: three residents in early pregnancy (a small group), three SMS that could not be sent.
  await put('resident-counts', a, [
    {
      date: '2026-11-28',
      stage: 'pregnancy-early',
      audience: 'primary',
      channel: 'line',
      language: 'ja',
      state: 'active',
      count: 3,
    },
  ])
  await put('delivery-counts', a, [
    { date: '2026-11-10', kind: 'program', slot: 'pregnancy/80', channel: 'sms', outcome: 'sent', count: 41 },
    {
      date: '2026-11-10',
      kind: 'program',
      slot: 'pregnancy/80',
      channel: 'sms',
      outcome: 'failed-permanent',
      count: 3,
    },
  ])
  await put('cost-counts', a, [
    { date: '2026-11-10', channel: 'sms', messages: 41, smsSegments: 82 },
    { date: '2026-11-10', channel: 'line', messages: 250, smsSegments: 0 },
  ])
  // Surveys by stage, interviews asked for and held, tasks and provider pauses.
  const month8 = { surveyId: 'month-8', surveyVersion: 1 }
  await put('survey-response-counts', a, [
    {
      date: '2026-11-05',
      ...month8,
      stage: 'to-1',
      offered: 12,
      reminded: 6,
      answered: 9,
      interviewsRequested: 3,
      interviewsHeld: 2,
    },
    {
      date: '2026-11-20',
      ...month8,
      stage: 'to-1',
      offered: 8,
      reminded: 0,
      answered: 6,
      interviewsRequested: 4,
      interviewsHeld: 1,
    },
    {
      date: '2026-11-20',
      ...month8,
      stage: null,
      offered: 0,
      reminded: 0,
      answered: 2,
      interviewsRequested: 0,
      interviewsHeld: 0,
    },
  ])
  const task = await payload.create({
    collection: 'tasks',
    data: {
      tenant: a,
      texts: [{ language: 'ja', title: '出生届の提出', line: '出生届はお済みですか。' }],
      window: { unit: 'child-month', from: 0, to: 1 },
      audiences: ['primary'],
      doneBy: 'resident',
    } as never,
    overrideAccess: true,
  })
  birthReport = `task-${task.id}`
  const long = await payload.create({
    collection: 'tasks',
    data: {
      tenant: a,
      texts: [{ language: 'ja', title: longTitle, line: '面談のご予約はお済みですか。' }],
      window: { unit: 'pregnancy-week', from: 8, to: 12 },
      audiences: ['primary'],
      doneBy: 'resident',
    } as never,
    overrideAccess: true,
  })
  await put('task-counts', a, [
    { date: '2026-11-03', taskId: birthReport, offered: 10, reminded: 0, done: 2, doneAfterReminder: 0 },
    { date: '2026-11-10', taskId: birthReport, offered: 0, reminded: 6, done: 5, doneAfterReminder: 4 },
    { date: '2026-11-10', taskId: `task-${long.id}`, offered: 7, reminded: 0, done: 6, doneAfterReminder: 0 },
  ])
  // Town A's own survey: a single choice, a multiple choice and an interview request.
  const survey = await payload.create({
    collection: 'surveys',
    data: {
      tenant: a,
      title: checkupTitle,
      language: 'ja',
      audiences: ['primary'],
      questions: [
        {
          label: '産後の体調はいかがですか',
          kind: 'single',
          choices: [{ label: 'よい' }, { label: 'ふつう' }, { label: 'つらい' }],
        },
        {
          label: '相談したいこと（いくつでも）',
          kind: 'multiple',
          choices: [{ label: '授乳' }, { label: '睡眠' }],
        },
        { label: '保健師との面談を希望しますか', kind: 'interview-request' },
      ],
      triggers: [{ window: { unit: 'child-day', from: 14, to: 20 } }],
    } as never,
    overrideAccess: true,
  })
  checkup = `survey-${survey.id}-1`
  const answer = (questionId: string, value: string | null, count: number) => ({
    date: '2026-11-21',
    surveyId: checkup,
    surveyVersion: 1,
    questionId,
    value,
    count,
  })
  // 14 residents answered; the multiple choice's 9 + 8 are choices, not people. q4 and c4 were
  // answered to a question and an option the survey no longer has.
  await put('survey-response-counts', a, [
    {
      date: '2026-11-21',
      surveyId: checkup,
      surveyVersion: 1,
      stage: 'day-0-100',
      offered: 20,
      reminded: 5,
      answered: 14,
      interviewsRequested: 6,
      interviewsHeld: 0,
    },
  ])
  await put('survey-answer-counts', a, [
    answer('q1', 'c1', 8),
    answer('q1', 'c3', 5),
    answer('q1', 'c4', 1),
    answer('q2', 'c1', 9),
    answer('q2', 'c2', 8),
    answer('q3', 'yes', 6),
    answer('q3', 'no', 8),
    answer('q4', null, 7),
  ])
  await put('provider-pause-counts', a, [
    { date: '2026-11-12', channel: 'line', cause: 'refused', count: 1 },
    { date: '2026-11-13', channel: 'sms', cause: 'failures', count: 2 },
  ])
  await put('stop-counts', a, [{ date: '2026-11-12', reason: 'moved', count: 2 }])
  await put('consultation-counts', a, [
    { date: '2026-11-12', received: 6, urgent: 1, answeredWithinOneWorkingDay: 5 },
  ])
  await put('reading-counts', a, [
    { date: '2026-11-10', channel: 'sms', stage: 'pregnancy-early', sent: 41, opened: 20, clicked: 4 },
  ])
  await put('survey-answer-counts', a, [
    { date: '2026-11-20', surveyId: 'month-8', surveyVersion: 1, questionId: 'q1', value: 'yes', count: 9 },
    { date: '2026-11-20', surveyId: 'month-8', surveyVersion: 1, questionId: 'q1', value: 'no', count: 1 },
  ])
  // Town B: numbers no one in town A may see.
  await put('resident-counts', b, [
    {
      date: '2026-11-28',
      stage: 'pregnancy-early',
      audience: 'primary',
      channel: 'email',
      language: 'vi',
      state: 'active',
      count: 12,
    },
    {
      date: '2026-11-28',
      stage: 'pregnancy-early',
      audience: 'partner',
      channel: 'email',
      language: 'vi',
      state: 'active',
      count: 2,
    },
  ])
  await put('delivery-counts', b, [
    {
      date: '2026-11-11',
      kind: 'program',
      slot: 'pregnancy/81',
      channel: 'email',
      outcome: 'sent',
      count: 777,
    },
  ])
  await put('registration-counts', b, [
    {
      date: '2026-11-03',
      channel: 'email',
      language: 'vi',
      audience: 'primary',
      confirmed: 20,
      unconfirmed: 4,
    },
  ])
  await put('flagged-delivery-counts', b, [{ date: '2026-11-11', open: 1, resolved: 0, deadLetters: 0 }])
  await put('task-counts', b, [
    { date: '2026-11-04', taskId: 'task-9', offered: 50, reminded: 9, done: 30, doneAfterReminder: 6 },
  ])
  await put('provider-pause-counts', b, [
    { date: '2026-11-12', channel: 'email', cause: 'refused', count: 8 },
  ])
})
afterAll(() => cms?.stop())

const home = async (who: Person, query: Record<string, string> = {}) =>
  renderToStaticMarkup(
    await HomeView({
      initPageResult: { req: { payload, user: world.users[who] } },
      searchParams: { ...period, ...query },
    } as never),
  )

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&#x27;/g, "'")
    .trim()

/** The cells of a table in the markup, row by row (header row first). */
function tableIn(html: string, key: string): string[][] {
  const table = html.match(new RegExp(`<table data-table="${key}">([\\s\\S]*?)</table>`))?.[1]
  if (!table) throw new Error(`no table ${key}`)
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => text(cell[1] ?? '')),
  )
}

const row = (html: string, key: string, first: string) =>
  tableIn(html, key).find((cells) => cells[0]?.startsWith(first))

const captionOf = (html: string, key: string) =>
  text(html.match(new RegExp(`<table data-table="${key}"><caption[^>]*>([\\s\\S]*?)</caption>`))?.[1] ?? '')

const request = (who: Person, path: string, query: Record<string, string>) =>
  ({
    payload,
    user: world.users[who],
    url: `http://localhost/api${path}?${new URLSearchParams({ ...period, ...query })}`,
  }) as unknown as PayloadRequest

describe('the dashboard as the home of staff and the national admin', () => {
  it('shows staff of town A their town’s numbers only, never town B’s', async () => {
    const html = await home('staffA')
    expect(html).toContain('data-yorisoi-dashboard')
    expect(html).toContain('港区')
    expect(html).not.toContain('世田谷区')
    expect(html).not.toContain('data-table="towns"')
    expect(row(html, 'sends', '2026-11-10')).toEqual(['2026-11-10', '0', '41', '0', '41'])
    expect(row(html, 'sends', '2026-11-11')).toEqual(['2026-11-11', '0', '0', '0', '0'])
    expect(html).not.toContain('777')
    expect(row(html, 'flagged', '未対応')?.[1]).toBe('0')
    // Asking for town B changes nothing: the counts are read with staff A's own access.
    const asked = await home('staffA', { tenant: String(world.tenantB.id) })
    expect(asked).not.toContain('777')
    expect(asked).not.toContain('世田谷区')
    expect(row(asked, 'sends', '2026-11-10')?.[4]).toBe('41')
  })

  it('shows the national admin every town summed, and one town when filtered', async () => {
    const all = await home('admin')
    expect(all).toContain('港区')
    expect(all).toContain('世田谷区')
    expect(row(all, 'sends', '2026-11-10')?.[4]).toBe('41')
    expect(row(all, 'sends', '2026-11-11')?.[4]).toBe('777')
    // 15 primary, 2 partners: the partners read 「5未満」 and the total, which would give them away, 「—」.
    expect(row(all, 'residents-by-stage', '妊娠前期')).toEqual([
      '妊娠前期 / Early pregnancy',
      '15',
      '5未満',
      '0',
      '—',
    ])
    // Each town beside the others: residents, sent, failed, SMS yen, consultations.
    expect(row(all, 'towns', '港区')).toEqual(['港区', '5未満', '41', '3', '820', '6'])
    expect(row(all, 'towns', '世田谷区')).toEqual(['世田谷区', '14', '777', '0', '0', '0'])
    const b = await home('admin', { tenant: String(world.tenantB.id) })
    expect(b).not.toContain('data-table="towns"')
    expect(row(b, 'sends', '2026-11-10')?.at(-1)).toBe('0')
    expect(row(b, 'sends', '2026-11-11')?.at(-1)).toBe('777')
    expect(row(b, 'flagged', '未対応')?.[1]).toBe('1')
    // 20 confirmed in 28 days against 1,200 notifications a year (92.1 in 28 days).
    expect(row(b, 'births-reached', '世田谷区')).toEqual(['世田谷区', '1200', '92.1', '20', '21.7%'])
  })

  it('keeps Payload’s own home for the other roles', async () => {
    expect(await home('editor')).toBe('payload-default-home')
  })

  it('shows 「5未満」 for three residents but exactly three failed deliveries', async () => {
    const html = await home('staffA')
    expect(row(html, 'residents-by-stage', '妊娠前期')).toEqual([
      '妊娠前期 / Early pregnancy',
      '5未満',
      '0',
      '0',
      '5未満',
    ])
    expect(row(html, 'stops', '転出')?.[1]).toBe('5未満')
    expect(row(html, 'outcomes', 'SMS')).toEqual(['SMS', '41', '0', '3', '0'])
    expect(row(html, 'consultations', '緊急')?.[1]).toBe('1')
    // The answers: 9 read as 9, a single one as 「5未満」.
    expect(row(html, 'survey-month-8-v1-q1', 'no')?.[1]).toBe('5未満')
    expect(row(html, 'survey-month-8-v1-q1', 'yes')?.[1]).toBe('9')
    // 82 segments × ¥10, 50 LINE messages beyond the 200 free × ¥3; the families (3) suppressed,
    // so no cost per family either.
    expect(row(html, 'cost-per-month', '2026-11')).toEqual([
      '2026-11',
      '港区',
      '82',
      '10',
      '820',
      '250',
      '200',
      '50',
      '150',
      '0',
      '970',
      '5未満',
      '—',
    ])
    // Charts carry their figures as words beside the bars, and a pattern per series.
    expect(html).toMatch(/<svg role="img" aria-label="段階・対象別の利用者/)
    expect(html).toContain('url(#residents-by-stage-diagonal)')
  })

  it('gives each table as CSV, cell for cell what the table shows, with the same access', async () => {
    const html = await home('staffA')
    for (const key of ['residents-by-stage', 'outcomes', 'cost-per-month']) {
      const response = await csvEndpoint.handler(request('staffA', '/dashboard/csv', { table: key }))
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toContain('text/csv')
      const csv = (await response.text()).replace(/^\uFEFF/, '')
      expect(Papa.parse<string[]>(csv.trim()).data).toEqual(tableIn(html, key))
    }
    const theirs = await csvEndpoint.handler(
      request('staffA', '/dashboard/csv', { table: 'sends', tenant: String(world.tenantB.id) }),
    )
    expect(await theirs.text()).not.toContain('777')
    expect(
      (await csvEndpoint.handler(request('editor', '/dashboard/csv', { table: 'outcomes' }))).status,
    ).toBe(403)
    expect((await csvEndpoint.handler(request('staffA', '/dashboard/csv', { table: 'nope' }))).status).toBe(
      404,
    )
  })

  it('prints an A4 report with one section a page', async () => {
    const response = await reportEndpoint.handler(request('staffA', '/dashboard/report', {}))
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toMatch(/@page \{ size: A4/)
    expect(html).toMatch(/\.report-section \{ break-after: page; page-break-after: always; \}/)
    const pages = [...html.matchAll(/data-report-page="([^"]+)"/g)].map((m) => m[1])
    expect(pages).toEqual(['reach', 'delivery', 'reading', 'surveys', 'tasks', 'cost', 'consultation'])
    // Each page holds exactly its own section.
    for (const page of html.split('class="report-section"').slice(1))
      expect(page.match(/data-section="/g)).toHaveLength(1)
    expect(html).not.toContain('777')
    expect((await reportEndpoint.handler(request('viewer', '/dashboard/report', {}))).status).toBe(403)
    const anonymous = { ...request('viewer', '/dashboard/report', {}), user: null } as PayloadRequest
    expect((await reportEndpoint.handler(anonymous)).status).toBe(403)
  })

  it('shows each survey’s response rate by stage, interviews asked for and held, each task, and provider pauses', async () => {
    const html = await home('staffA')
    // 20 reached, 6 reminded, 15 answered at 〜1歳; two answers from residents with no stage.
    expect(
      tableIn(html, 'survey-response-rate')
        .slice(1)
        .filter((cells) => cells[0]?.startsWith('month-8')),
    ).toEqual([
      ['month-8 v1・〜1歳 / To 1 year', '20', '6', '15', '75%'],
      ['month-8 v1・その他（時期なし） / No stage', '0', '0', '5未満', '—'],
    ])
    // 7 interviews asked for, 3 held: a small number, so 「5未満」 and no share that would give it away.
    expect(row(html, 'survey-interviews', 'month-8')).toEqual(['month-8 v1', '7', '5未満', '—'])
    // 10 reached, 6 reminded, 7 done, 4 of them after a reminder.
    expect(row(html, 'task-counts', '出生届の提出')).toEqual(['出生届の提出', '10', '6', '7', '5未満', '70%'])
    expect(html).not.toContain('task-9')
    // Operational: a single provider pause shows exactly; town B's 8 never show for staff A.
    expect(tableIn(html, 'provider-paused').slice(1)).toEqual([
      ['メール / Email', '0', '0', '0'],
      ['SMS', '0', '2', '2'],
      ['LINE', '1', '0', '1'],
    ])
    for (const key of ['survey-response-rate', 'survey-interviews', 'task-counts', 'provider-paused'])
      expect(html, key).toContain(`data-chart="${key}"`)
    // Town B's LINE plan was left empty: no limit, nothing beyond it.
    const all = await home('admin')
    expect(
      tableIn(all, 'cost-per-month')
        .find((cells) => cells[1] === '世田谷区')
        ?.slice(5, 9),
    ).toEqual(['0', '無制限 / Unlimited', '0', '0'])
    expect(row(all, 'task-counts', 'task-9')?.slice(1, 5)).toEqual(['50', '9', '30', '6'])
    expect(row(all, 'provider-paused', 'メール')?.[3]).toBe('8')
    for (const key of ['task-counts', 'survey-response-rate', 'provider-paused']) {
      const response = await csvEndpoint.handler(request('staffA', '/dashboard/csv', { table: key }))
      const csv = (await response.text()).replace(/^\uFEFF/, '')
      expect(Papa.parse<string[]>(csv.trim()).data, key).toEqual(tableIn(html, key))
    }
  })

  it('shows survey answers in the survey’s words, and what it no longer has readably', async () => {
    const html = await home('staffA')
    const key = (question: string) => `survey-${checkup} v1-${question}`.replace(/[^\w-]+/g, '-')
    expect(captionOf(html, key('q1'))).toContain(`${checkupTitle} v1　問1「産後の体調はいかがですか」の回答`)
    // In the survey's order; an option it no longer has keeps its id, marked.
    expect(tableIn(html, key('q1')).slice(1)).toEqual([
      ['よい', '8'],
      ['つらい', '5'],
      ['c4（削除された選択肢）', '5未満'],
    ])
    expect(tableIn(html, key('q2')).slice(1)).toEqual([
      ['授乳', '9'],
      ['睡眠', '8'],
    ])
    expect(tableIn(html, key('q3')).slice(1)).toEqual([
      ['希望する / Yes, please', '6'],
      ['希望しない / No, thank you', '8'],
    ])
    expect(captionOf(html, key('q4'))).toContain('q4（削除された設問）')
    expect(tableIn(html, key('q4')).slice(1)).toEqual([['（自由記述など） / (any value)', '7']])
    // Responses are the residents who answered (14, as the response rate says), not the multiple
    // choice's 17 choices.
    expect(row(html, 'survey-responses', checkupTitle)).toEqual([`${checkupTitle} v1`, '14'])
    expect(row(html, 'survey-response-rate', checkupTitle)?.[3]).toBe('14')
    expect(row(html, 'survey-responses', 'month-8')).toEqual(['month-8 v1', '17'])
  })

  it('draws a long task title beside its bars whole: wrapped within the chart, all of it in the tooltip and table', async () => {
    const html = await home('staffA')
    expect(row(html, 'task-counts', longTitle)?.[0]).toBe(longTitle)
    const chart = html.match(/<figure[^>]*data-chart="task-counts"[^>]*>([\s\S]*?)<\/figure>/)?.[1] ?? ''
    const label = chart.match(
      new RegExp(`<title>${longTitle}</title><text x="(\\d+)"[^>]*>([\\s\\S]*?)</text>`),
    )
    expect(label, 'the row’s tooltip and label').not.toBeNull()
    const end = Number(label?.[1])
    const lines = [...(label?.[2] ?? '').matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1] ?? '')
    expect(lines.length).toBeGreaterThan(1)
    // Each line is full-width characters, 11 px each in the chart's 11 px type, and ends at `end`:
    // it starts inside the chart, not cut off at its left edge.
    for (const line of lines) expect([...line].length * 11, line).toBeLessThanOrEqual(end)
    expect(longTitle.startsWith(lines.join('').replace(/…$/, ''))).toBe(true)
    // The short titles beside it keep one line each.
    expect(chart).toMatch(
      /<title>出生届の提出<\/title><text [^>]*><tspan [^>]*>出生届の提出<\/tspan><\/text>/,
    )
  })

  it('lists only the channels a town offers: by email alone, no SMS or LINE rows; across towns, any town’s', async () => {
    const b = await home('admin', { tenant: String(world.tenantB.id) })
    expect(tableIn(b, 'provider-paused').slice(1)).toEqual([['メール / Email', '8', '0', '8']])
    expect(tableIn(b, 'sends')[0]).toEqual(['日付 / Date', 'メール / Email', '計 / Total'])
    for (const key of ['outcomes', 'unconfirmed', 'reading-by-channel'])
      expect(
        tableIn(b, key)
          .slice(1)
          .map((cells) => cells[0]),
        key,
      ).toEqual(['メール / Email'])
    const all = await home('admin')
    expect(
      tableIn(all, 'provider-paused')
        .slice(1)
        .map((cells) => cells[0]),
    ).toEqual(['メール / Email', 'SMS', 'LINE'])
  })

  it('covers the four weeks up to yesterday in Tokyo unless the query names a period', () => {
    // 2026-12-07 03:00 UTC is 12:00 on the 7th in Tokyo: the last full day reported is the 6th.
    const now = new Date('2026-12-07T03:00:00Z')
    expect(periodFrom({}, now)).toEqual({ from: '2026-11-09', to: '2026-12-06', tenant: null })
    expect(periodFrom({ from: '2026-04-01', to: '2027-03-31', tenant: '7' }, now)).toEqual({
      from: '2026-04-01',
      to: '2027-03-31',
      tenant: '7',
    })
    expect(periodFrom({ from: '2026-12-01', to: '2026-11-01', tenant: "1' or 1=1" }, now)).toEqual({
      from: '2026-11-01',
      to: '2026-11-01',
      tenant: null,
    })
  })
})
