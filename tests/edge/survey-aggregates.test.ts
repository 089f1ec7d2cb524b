import { env } from 'cloudflare:workers'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Env } from '../../edge/env'
import { reportAggregatesDaily } from '../../edge/reports/daily'
import { aggregatesReport } from '../../shared/contract'
import { emptyDeliveryTables, insertExpecting, rows } from './support/delivery'
import { deliverOn, postForm, sentText, storeSurveySnapshot, surveyPaths } from './support/surveys'

beforeEach(async () => {
  await emptyDeliveryTables()
  await env.DB.batch([
    env.DB.prepare('DELETE FROM survey_answer_counts'),
    env.DB.prepare('DELETE FROM aggregate_reports'),
  ])
})

const cmsUrl = 'https://cms.example.jp/api/survey-answer-counts/report'
const configured = { ...env, CMS_AGGREGATES_URL: cmsUrl, AGGREGATES_TOKEN: 'edge-to-cms' } as Env

/** The CMS as the edge meets it: records each request, answers with the given status. */
function fakeCms(status = 200) {
  const received: { url: string; authorization: string | null; body: unknown }[] = []
  const fetcher = (async (url: string, init: RequestInit) => {
    received.push({
      url,
      authorization: new Headers(init.headers).get('authorization'),
      body: JSON.parse(String(init.body)),
    })
    return new Response(status === 200 ? '{"ok":true}' : '{"ok":false}', { status })
  }) as unknown as typeof fetch
  return { received, fetcher }
}

/** Two residents answer さくら市's survey on 2026-11-23. */
async function twoAnswers() {
  const snapshot = await storeSurveySnapshot()
  await insertExpecting('sub-a')
  await insertExpecting('sub-b')
  await deliverOn(snapshot, '2026-11-23')
  for (const [id, feeling] of [
    ['sub-a', '4'],
    ['sub-b', '2'],
  ] as const) {
    const [path] = surveyPaths(await sentText(`${id}@example.jp`, '2026-11-23'))
    const answered = await postForm(path!, [
      ['q_feeling', feeling],
      ['q_interview', 'no'],
      ['q_comment', `${id} のひとこと`],
    ])
    expect(answered.status).toBe(200)
  }
}

describe('the daily report to the CMS', () => {
  it('posts the anonymous counts per tenant and day, bearer-authenticated, in the contract’s shape', async () => {
    await twoAnswers()
    const cms = fakeCms()
    const now = new Date()
    const outcome = await reportAggregatesDaily(configured, {
      tenants: ['sakura-city'],
      now,
      fetcher: cms.fetcher,
    })
    expect(outcome.outcome).toBe('sent')
    expect(cms.received).toHaveLength(1)
    const [request] = cms.received
    expect(request!.url).toBe(cmsUrl)
    expect(request!.authorization).toBe('Bearer edge-to-cms')
    const report = aggregatesReport.parse(request!.body)
    const answeredOn = (await rows<{ d: string }>('SELECT answered_on AS d FROM survey_responses'))[0]!.d
    const line = (r: (typeof report.surveys)[number]) =>
      `${r.tenant} ${r.date} ${r.questionId}=${r.value ?? '*'} ${r.count}`
    expect(report.surveys.map(line)).toEqual([
      `sakura-city ${answeredOn} comment=* 2`,
      `sakura-city ${answeredOn} feeling=2 1`,
      `sakura-city ${answeredOn} feeling=4 1`,
      `sakura-city ${answeredOn} interview=no 2`,
    ])
    expect(report.from <= answeredOn && answeredOn <= report.to).toBe(true)
    // Anonymous: no resident, no address, no free text travels.
    const wire = JSON.stringify(request!.body)
    for (const secret of ['sub-a', 'sub-b', 'example.jp', 'ひとこと', 'はな'])
      expect(wire).not.toContain(secret)
  })

  it('goes once a day; a refused report is retried after half an hour, not on every tick', async () => {
    await twoAnswers()
    const down = fakeCms(503)
    const at = (iso: string) => new Date(iso)
    const first = await reportAggregatesDaily(configured, {
      tenants: ['sakura-city'],
      now: at('2026-11-24T00:05:00Z'),
      fetcher: down.fetcher,
    })
    expect(first.outcome).toBe('failed')
    const soon = await reportAggregatesDaily(configured, {
      tenants: ['sakura-city'],
      now: at('2026-11-24T00:10:00Z'),
      fetcher: down.fetcher,
    })
    expect(soon.outcome).toBe('waiting')
    const up = fakeCms()
    const later = await reportAggregatesDaily(configured, {
      tenants: ['sakura-city'],
      now: at('2026-11-24T00:40:00Z'),
      fetcher: up.fetcher,
    })
    expect(later.outcome).toBe('sent')
    const again = await reportAggregatesDaily(configured, {
      tenants: ['sakura-city'],
      now: at('2026-11-24T12:00:00Z'),
      fetcher: up.fetcher,
    })
    expect(again.outcome).toBe('already-sent')
    expect(down.received).toHaveLength(1)
    expect(up.received).toHaveLength(1)
    const next = await reportAggregatesDaily(configured, {
      tenants: ['sakura-city'],
      now: at('2026-11-25T00:05:00Z'),
      fetcher: up.fetcher,
    })
    expect(next.outcome).toBe('sent')
  })

  it('sends nothing until the CMS address and token are set', async () => {
    const cms = fakeCms()
    const outcome = await reportAggregatesDaily(env as Env, {
      tenants: ['sakura-city'],
      now: new Date(),
      fetcher: cms.fetcher,
    })
    expect(outcome.outcome).toBe('not-configured')
    expect(cms.received).toEqual([])
  })

  it('the counts outlive the residents: deleting a resident’s data keeps the day’s numbers', async () => {
    await twoAnswers()
    await env.DB.prepare(`DELETE FROM subscribers WHERE id = 'sub-a'`).run()
    expect(
      await rows(
        'SELECT * FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id WHERE r.subscriber_id = ?1',
        'sub-a',
      ),
    ).toEqual([])
    const cms = fakeCms()
    await reportAggregatesDaily(configured, {
      tenants: ['sakura-city'],
      now: new Date(),
      fetcher: cms.fetcher,
    })
    const report = aggregatesReport.parse(cms.received[0]!.body)
    expect(report.surveys.find((r) => r.questionId === 'interview')?.count).toBe(2)
  })
})
