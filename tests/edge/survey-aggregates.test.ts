import { createScheduledController } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import type { D1Database } from '@cloudflare/workers-types'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Env } from '../../edge/env'
import worker from '../../edge/index'
import { buildAggregatesReport } from '../../edge/reports/aggregates'
import { reportAggregatesDaily } from '../../edge/reports/daily'
import { storeSnapshot } from '../../edge/snapshot/store'
import { type AggregatesReport, aggregatesReport } from '../../shared/contract'
import { fixtureSnapshot } from '../../shared/contract/fixture'
import { emptyDeliveryTables, insertExpecting, rows } from './support/delivery'
import { shardNumberOf, shardOf } from './support/shards'
import { deliverOn, postForm, sentText, storeSurveySnapshot, surveyPaths } from './support/surveys'

// Placed as the ingest places them: sakura-city on shard 1 (main), minato-town on shard 2.
beforeAll(async () => {
  await storeSnapshot(env.DB, await fixtureSnapshot(), new Date('2026-11-20T00:00:00Z'), env)
})

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

  it('says per tenant how many days the oldest undecided flagged delivery and undelivered consultation have waited, nothing else', async () => {
    const snapshot = await storeSurveySnapshot()
    await insertExpecting('sub-a')
    await insertExpecting('sub-b')
    await deliverOn(snapshot, '2026-11-23')
    // Kept past the pruning window because nobody decided: one from 2026-10-20, one from today.
    // An older one decided long ago does not count.
    await env.DB.batch([
      env.DB.prepare(
        "UPDATE deliveries SET state = 'flagged', local_date = '2026-10-20' WHERE subscriber_id = 'sub-a'",
      ),
      env.DB.prepare("UPDATE deliveries SET local_date = '2026-09-01' WHERE subscriber_id = 'sub-b'"),
      env.DB.prepare(
        `INSERT INTO deliveries (id, subscriber_id, tenant_slug, local_date, kind, slots, channel, state, idempotency_key, attempts, created_at, updated_at)
         VALUES ('d-b-late', 'sub-b', 'sakura-city', '2026-11-24', 'program', '["pregnancy/197"]', 'email', 'flagged', 'd-b-late', 1, ?1, ?1)`,
      ).bind('2026-11-24T00:00:00.000Z'),
    ])
    const consulted = (who: string, state: string, at: string) =>
      env.DB.batch([
        env.DB.prepare(
          `INSERT INTO consultations (id, subscriber_id, tenant_slug, category, text, contact_by, urgent, created_at)
           VALUES (?1, ?2, 'sakura-city', 'feelings', '眠れません', 'none', 0, ?3)`,
        ).bind(`c-${who}`, who, at),
        env.DB.prepare(
          `INSERT INTO consultation_forwards (consultation_id, tenant_slug, state, attempts, next_attempt_at, updated_at)
           VALUES (?1, 'sakura-city', ?2, 10, ?3, ?3)`,
        ).bind(`c-${who}`, state, at),
      ])
    // 20:00 UTC on 1 November is 2 November in Tokyo: 22 days before 24 November.
    await consulted('sub-a', 'failed', '2026-11-01T20:00:00.000Z')
    await consulted('sub-b', 'sent', '2026-10-01T00:00:00.000Z')
    const cms = fakeCms()
    await reportAggregatesDaily(configured, {
      tenants: ['sakura-city', 'minato-town'],
      now: new Date('2026-11-24T00:30:00Z'),
      fetcher: cms.fetcher,
    })
    const report = aggregatesReport.parse(cms.received[0]!.body)
    expect(report.undecided).toEqual([
      { tenant: 'sakura-city', flaggedDeliveryDays: 35, deskForwardDays: 22 },
    ])
    // Decided: the tenant is no longer named.
    await env.DB.batch([
      env.DB.prepare("UPDATE deliveries SET state = 'sent' WHERE state = 'flagged'"),
      env.DB.prepare("UPDATE consultation_forwards SET state = 'sent'"),
    ])
    expect(
      (
        await buildAggregatesReport(env.DB, {
          from: '2026-11-17',
          to: '2026-11-24',
          tenants: ['sakura-city'],
          now: new Date('2026-11-24T00:30:00Z'),
        })
      ).undecided,
    ).toEqual([])
    const wire = JSON.stringify(cms.received[0]!.body)
    for (const secret of ['sub-a', 'sub-b', 'example.jp', '眠れません', 'c-sub'])
      expect(wire).not.toContain(secret)
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

describe('one daily report per shard', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  /** A day's counts of one tenant, written in the given database as the edge keeps them. */
  async function countsOf(db: D1Database, tenant: string, answers: number, sent: number) {
    await db.batch([
      db.prepare('DELETE FROM aggregate_reports'),
      db.prepare('DELETE FROM survey_answer_counts'),
      db.prepare('DELETE FROM delivery_counts'),
      db
        .prepare(
          `INSERT INTO survey_answer_counts (local_date, tenant_slug, survey_id, survey_version, question_id, value, count)
           VALUES ('2026-11-23', ?1, 's-8m', 1, 'feeling', '4', ?2)`,
        )
        .bind(tenant, answers),
      db
        .prepare(
          `INSERT INTO delivery_counts (local_date, tenant_slug, kind, slot, channel, outcome, count)
           VALUES ('2026-11-23', ?1, 'program', 'pregnancy/196', 'email', 'sent', ?2)`,
        )
        .bind(tenant, sent),
    ])
  }

  /** The CMS the cron tick's global fetch meets: each report it receives; refuses those naming `refuse`. */
  function cmsBehindFetch(refuse?: string) {
    const reports: AggregatesReport[] = []
    vi.spyOn(globalThis, 'fetch').mockImplementation((async (url: string, init: RequestInit) => {
      if (url !== cmsUrl) return new Response('not here', { status: 404 })
      const report = aggregatesReport.parse(JSON.parse(String(init.body)))
      reports.push(report)
      return report.tenants?.includes(refuse ?? '-')
        ? new Response('{"ok":false}', { status: 503 })
        : new Response('{"ok":true}')
    }) as typeof fetch)
    return reports
  }

  const tick = (at: string) =>
    worker.scheduled(
      createScheduledController({ cron: '*/5 * * * *', scheduledTime: Date.parse(at) }),
      configured,
    )

  const line = (r: AggregatesReport) => ({
    tenants: r.tenants,
    surveys: r.surveys.map((c) => `${c.tenant} ${c.date} ${c.questionId}=${c.value} ${c.count}`),
    deliveries: r.deliveries.map((c) => `${c.tenant} ${c.date} ${c.slot} ${c.outcome} ${c.count}`),
  })

  it('a town on shard 2: the cron tick sends its counts from shard 2, and shard 1’s report carries shard 1’s only', async () => {
    expect(await shardNumberOf('minato-town')).toBe(2)
    const shard = await shardOf('minato-town')
    await storeSurveySnapshot()
    await countsOf(env.DB, 'sakura-city', 3, 40)
    await countsOf(shard, 'minato-town', 5, 12)
    const reports = cmsBehindFetch()

    await tick('2026-11-24T00:30:00Z')
    expect(reports.map(line)).toEqual([
      {
        tenants: ['sakura-city'],
        surveys: ['sakura-city 2026-11-23 feeling=4 3'],
        deliveries: ['sakura-city 2026-11-23 pregnancy/196 sent 40'],
      },
      {
        tenants: ['minato-town'],
        surveys: ['minato-town 2026-11-23 feeling=4 5'],
        deliveries: ['minato-town 2026-11-23 pregnancy/196 sent 12'],
      },
    ])
    // Each shard records its own day; the next tick sends neither again.
    for (const db of [env.DB, shard])
      expect(
        await db.prepare('SELECT day, sent_at IS NOT NULL AS sent FROM aggregate_reports').all(),
      ).toMatchObject({
        results: [{ day: '2026-11-24', sent: 1 }],
      })
    await tick('2026-11-24T01:30:00Z')
    expect(reports).toHaveLength(2)
  })

  it('a shard whose report the CMS refuses is retried alone; the other shard’s went', async () => {
    const shard = await shardOf('minato-town')
    await storeSurveySnapshot()
    await countsOf(env.DB, 'sakura-city', 3, 40)
    await countsOf(shard, 'minato-town', 5, 12)
    const reports = cmsBehindFetch('sakura-city')
    await tick('2026-11-24T00:30:00Z')
    expect(reports.map((r) => r.tenants)).toEqual([['sakura-city'], ['minato-town']])

    // Half an hour later only shard 1 tries again.
    vi.restoreAllMocks()
    const later = cmsBehindFetch()
    await tick('2026-11-24T01:05:00Z')
    expect(later.map((r) => r.tenants)).toEqual([['sakura-city']])
  })
})
