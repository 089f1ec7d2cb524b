import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildAggregatesReport } from '../../edge/reports/aggregates'
import { markInterviewDone } from '../../edge/staff/consultations'
import { taskCountsOf } from '../../edge/tasks/counts'
import type { AggregatesReport } from '../../shared/contract'
import { rows } from './support/delivery'
import { writeTownHistory } from './support/town-history'

// さくら市's six residents (town-history: each offered the survey `birth` and the task
// `birth-report` on 2026-11-22, due 2027-02-15 — 妊娠中期 that day, 後期 from the 24th), varied
// below; みなと町 in the same database must not show in さくら市's report.

const tenant = 'sakura-city'
const r = (i: number) => `${tenant}-r${i}`
let report: AggregatesReport

beforeAll(async () => {
  await writeTownHistory(env.DB, tenant, 6)
  await writeTownHistory(env.DB, 'minato-town', 2)
  const at = '2026-11-24T00:00:00.000Z'
  const db = env.DB
  const reminder = (i: number, state: string) => [
    db
      .prepare(
        `INSERT INTO deliveries (id, subscriber_id, tenant_slug, local_date, kind, manifest_id, channel, state, idempotency_key, slots,
                                 survey_id, survey_version, survey_reminder, created_at, updated_at)
         VALUES (?1, ?2, ?3, '2026-11-24', 'program', 'fixture-0001', 'email', ?4, ?1, '["pregnancy/198"]', 'birth', 1, 1, ?5, ?5)`,
      )
      .bind(`rd${i}`, r(i), tenant, state, at),
    db
      .prepare(
        `INSERT INTO task_offers (delivery_id, subscriber_id, tenant_slug, task_id, task_version, reminder, local_date, created_at)
         VALUES (?1, ?2, ?3, 'birth-report', 1, 1, '2026-11-24', ?4)`,
      )
      .bind(`rd${i}`, r(i), tenant, at),
  ]
  const interview = (i: number, state: string) => [
    db
      .prepare('UPDATE survey_responses SET interview_state = ?2 WHERE id = ?1')
      .bind(`${tenant}-q${i}`, state),
    db
      .prepare(
        `INSERT INTO consultations (id, subscriber_id, tenant_slug, category, text, contact_by, source, created_at)
         VALUES (?1, ?2, ?3, 'other', '面談希望', 'registered', 'interview', ?4)`,
      )
      .bind(`${tenant}-q${i}`, r(i), tenant, at),
  ]
  await db.batch([
    // Reminders on the 24th: r0 and r1 reached, r2's delivery failed (never reached).
    ...reminder(0, 'sent'),
    ...reminder(1, 'sent'),
    ...reminder(2, 'failed-permanent'),
    // Answers: r1 and r2 on the 22nd (r1 asks for an interview), r0 on the 25th (asks too), r3–r5 never.
    db.prepare(`DELETE FROM survey_responses WHERE id IN ('${tenant}-q3', '${tenant}-q4', '${tenant}-q5')`),
    db.prepare("UPDATE survey_responses SET answered_on = '2026-11-25' WHERE id = ?1").bind(`${tenant}-q0`),
    ...interview(0, 'pending'),
    ...interview(1, 'sent'),
    // Tasks done: r2 on the 22nd, r1 on the 24th (its reminder's day), r0 on the 25th; r3–r5 not.
    db.prepare(`DELETE FROM task_done WHERE subscriber_id IN ('${r(3)}', '${r(4)}', '${r(5)}')`),
    db.prepare("UPDATE task_done SET done_on = '2026-11-24' WHERE subscriber_id = ?1").bind(r(1)),
    db.prepare("UPDATE task_done SET done_on = '2026-11-25' WHERE subscriber_id = ?1").bind(r(0)),
    // Paused: r4 by a bounce on the 24th, r5 by failed days late on the 25th UTC (the 26th in Tokyo), r3 by themselves.
    db
      .prepare(
        "UPDATE subscribers SET state = 'paused', state_reason = 'suppressed: bounce', updated_at = '2026-11-24T03:00:00.000Z' WHERE id = ?1",
      )
      .bind(r(4)),
    db
      .prepare(
        "UPDATE subscribers SET state = 'paused', state_reason = 'delivery-failures: 550', updated_at = '2026-11-25T16:00:00.000Z' WHERE id = ?1",
      )
      .bind(r(5)),
    db
      .prepare(
        "UPDATE subscribers SET state = 'paused', paused_until = '2026-12-24', updated_at = '2026-11-24T03:00:00.000Z' WHERE id = ?1",
      )
      .bind(r(3)),
  ])
  // The interview of r0's request held on the 26th, recorded as the staff workspace does.
  expect(
    await markInterviewDone(db, tenant, `${tenant}-q0`, '2026-11-26', new Date('2026-11-26T05:00:00Z')),
  ).toBe(true)
  report = await buildAggregatesReport(db, {
    from: '2026-11-20',
    to: '2026-11-27',
    tenants: [tenant],
    now: new Date('2026-11-27T00:00:00Z'),
    timeZones: new Map([[tenant, 'Asia/Tokyo']]),
  })
})

const strip = <T extends { tenant: string }>(list: T[]) =>
  list.map(({ tenant: t, ...row }) => {
    expect(t).toBe(tenant)
    return row
  })

describe('the daily report’s surveys, tasks and provider pauses', () => {
  it('surveys: reached, reminded, answered, interviews asked for and held, by day and stage', async () => {
    const none = { offered: 0, reminded: 0, answered: 0, interviewsRequested: 0, interviewsHeld: 0 }
    const of = { surveyId: 'birth', surveyVersion: 1 }
    expect(strip(report.surveyResponses).sort((a, b) => a.date.localeCompare(b.date))).toEqual([
      {
        date: '2026-11-22',
        ...of,
        stage: 'pregnancy-mid',
        ...none,
        offered: 6,
        answered: 2,
        interviewsRequested: 1,
      },
      { date: '2026-11-24', ...of, stage: 'pregnancy-late', ...none, reminded: 2 },
      { date: '2026-11-25', ...of, stage: 'pregnancy-late', ...none, answered: 1, interviewsRequested: 1 },
      { date: '2026-11-26', ...of, stage: 'pregnancy-late', ...none, interviewsHeld: 1 },
    ])
    // The same totals counted straight from the rows.
    const [counted] = await rows<Record<string, number>>(
      `SELECT (SELECT count(DISTINCT subscriber_id) FROM deliveries
                WHERE tenant_slug = ?1 AND survey_reminder = 0 AND state = 'sent') AS offered,
              (SELECT count(DISTINCT subscriber_id) FROM deliveries
                WHERE tenant_slug = ?1 AND survey_reminder > 0 AND state = 'sent') AS reminded,
              (SELECT count(*) FROM survey_responses WHERE tenant_slug = ?1) AS answered,
              (SELECT count(*) FROM consultations WHERE tenant_slug = ?1 AND source = 'interview') AS interviewsRequested,
              (SELECT count(*) FROM consultations WHERE tenant_slug = ?1 AND interview_done_on IS NOT NULL) AS interviewsHeld`,
      tenant,
    )
    const total = (key: keyof typeof none) => report.surveyResponses.reduce((n, row) => n + row[key], 0)
    for (const key of Object.keys(none) as (keyof typeof none)[]) expect(total(key), key).toBe(counted![key])
  })

  it('tasks: each day’s offered, reminded, done and done after a reminder sum to the workspace’s counts', async () => {
    const none = { offered: 0, reminded: 0, done: 0, doneAfterReminder: 0 }
    expect(strip(report.tasks).sort((a, b) => a.date.localeCompare(b.date))).toEqual([
      { date: '2026-11-22', taskId: 'birth-report', ...none, offered: 6, done: 1 },
      { date: '2026-11-24', taskId: 'birth-report', ...none, reminded: 2, done: 1, doneAfterReminder: 1 },
      { date: '2026-11-25', taskId: 'birth-report', ...none, done: 1, doneAfterReminder: 1 },
    ])
    const [workspace] = await taskCountsOf(env.DB, tenant, [])
    const total = (key: keyof typeof none) => report.tasks.reduce((n, row) => n + row[key], 0)
    expect(workspace).toMatchObject({
      id: 'birth-report',
      offered: total('offered'),
      reminded: total('reminded'),
      done: total('done'),
      doneAfterReminder: total('doneAfterReminder'),
    })
  })

  it('residents the provider paused, by channel and cause; a resident’s own pause is not one', () => {
    expect(strip(report.providerPauses).sort((a, b) => a.date.localeCompare(b.date))).toEqual([
      { date: '2026-11-24', channel: 'email', cause: 'refused', count: 1 },
      { date: '2026-11-26', channel: 'email', cause: 'failures', count: 1 },
    ])
  })

  it('names no other town and no resident', () => {
    const text = JSON.stringify(report)
    for (const secret of ['minato-town', `${tenant}-r`, `${tenant}-q`, '面談希望'])
      expect(text).not.toContain(secret)
  })
})
