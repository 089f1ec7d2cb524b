import type { D1Database } from '@cloudflare/workers-types'
import { addDays } from '../../shared/calendar'
import type { Env } from '../env'
import { buildAggregatesReport } from './aggregates'

/** Days each report covers, so a day missed (CMS down, Worker paused) is filled in by the next. */
export const reportDays = 8
/** Attempts a day before waiting for the next: about one every half hour. */
const maxAttemptsPerDay = 24
const retryAfterMs = 30 * 60_000

export type ReportOutcome =
  | { outcome: 'not-configured' | 'already-sent' | 'waiting' }
  | { outcome: 'sent'; surveys: number; deliveries: number; deskForwards: number; flaggedDeliveries: number }
  | { outcome: 'failed'; error: string }

/**
 * Once a UTC day, the anonymous counts of the last days to the CMS (POST, bearer token); until
 * the CMS takes it, again at most every half hour. Local dates run ahead of UTC in Japan, so the
 * period ends tomorrow by UTC.
 */
export async function reportAggregatesDaily(
  env: Env,
  input: { tenants: readonly string[]; now: Date; fetcher?: typeof fetch },
): Promise<ReportOutcome> {
  const url = env.CMS_AGGREGATES_URL
  const token = env.AGGREGATES_TOKEN
  if (!url || !token) return { outcome: 'not-configured' }
  const day = input.now.toISOString().slice(0, 10)
  const row = await env.DB.prepare(
    'SELECT sent_at AS sentAt, attempts, updated_at AS updatedAt FROM aggregate_reports WHERE day = ?1',
  )
    .bind(day)
    .first<{ sentAt: string | null; attempts: number; updatedAt: string }>()
  if (row?.sentAt) return { outcome: 'already-sent' }
  if (
    row &&
    (row.attempts >= maxAttemptsPerDay || input.now.getTime() - Date.parse(row.updatedAt) < retryAfterMs)
  )
    return { outcome: 'waiting' }

  const to = addDays(day, 1)
  const report = await buildAggregatesReport(env.DB, {
    from: addDays(to, -(reportDays - 1)),
    to,
    tenants: input.tenants,
    now: input.now,
  })
  let error: string | null = null
  try {
    const response = await (input.fetcher ?? fetch)(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(report),
    })
    if (!response.ok) error = `CMS answered ${response.status}: ${(await response.text()).slice(0, 300)}`
  } catch (e) {
    error = e instanceof Error ? e.message : String(e)
  }
  await record(env.DB, day, input.now, error)
  return error
    ? { outcome: 'failed', error }
    : {
        outcome: 'sent',
        surveys: report.surveys.length,
        deliveries: report.deliveries.length,
        deskForwards: report.deskForwards.length,
        flaggedDeliveries: report.flaggedDeliveries.length,
      }
}

function record(db: D1Database, day: string, now: Date, error: string | null) {
  return db
    .prepare(
      `INSERT INTO aggregate_reports (day, sent_at, attempts, last_error, updated_at) VALUES (?1, ?2, 1, ?3, ?4)
       ON CONFLICT (day) DO UPDATE SET sent_at = ?2, attempts = attempts + 1, last_error = ?3, updated_at = ?4`,
    )
    .bind(day, error ? null : now.toISOString(), error, now.toISOString())
    .run()
}
