import type { D1Database } from '@cloudflare/workers-types'
import { addDays } from '../../shared/calendar'
import type { Env } from '../env'
import { tenantsByShard } from '../shards/map'
import { activeTimeZones, buildAggregatesReport } from './aggregates'

/** Days each report covers, so a day missed (CMS down, Worker paused) is filled in by the next. */
export const reportDays = 8
/** Attempts a day before waiting for the next: about one every half hour. */
const maxAttemptsPerDay = 24
const retryAfterMs = 30 * 60_000

export type ReportOutcome =
  | { outcome: 'not-configured' | 'already-sent' | 'waiting' }
  | { outcome: 'sent'; surveys: number; deliveries: number; deskForwards: number; flaggedDeliveries: number }
  | { outcome: 'failed'; error: string }

export type ShardReportOutcome = ReportOutcome & { shard: number }

/**
 * Once a UTC day, the anonymous counts of the last days to the CMS (POST, bearer token), one
 * report per shard with its own tenants' counts only (see reportShardAggregates); a shard that
 * fails does not keep the others from sending. The outcome sums them: failed if any failed, sent
 * if any went; each shard's in `shards`.
 */
export async function reportAggregatesDaily(
  env: Env,
  input: {
    tenants: readonly string[]
    now: Date
    fetcher?: typeof fetch
    timeZones?: ReadonlyMap<string, string>
  },
): Promise<ReportOutcome & { shards: ShardReportOutcome[] }> {
  if (!env.CMS_AGGREGATES_URL || !env.AGGREGATES_TOKEN) return { outcome: 'not-configured', shards: [] }
  const timeZones = input.timeZones ?? (await activeTimeZones(env.DB))
  const shards: ShardReportOutcome[] = []
  for (const group of await tenantsByShard(env, input.tenants)) {
    if (group.tenants.length === 0) continue
    let outcome: ReportOutcome
    try {
      outcome = await reportShardAggregates(env, group, { ...input, timeZones })
    } catch (error) {
      outcome = { outcome: 'failed', error: error instanceof Error ? error.message : String(error) }
    }
    shards.push({ shard: group.shard, ...outcome })
  }
  return { ...summed(shards), shards }
}

function summed(shards: readonly ShardReportOutcome[]): ReportOutcome {
  const failed = shards.flatMap((s) => (s.outcome === 'failed' ? [`shard ${s.shard}: ${s.error}`] : []))
  if (failed.length > 0) return { outcome: 'failed', error: failed.join('; ') }
  const sent = shards.filter((s) => s.outcome === 'sent')
  if (sent.length > 0)
    return {
      outcome: 'sent',
      surveys: sent.reduce((n, s) => n + s.surveys, 0),
      deliveries: sent.reduce((n, s) => n + s.deliveries, 0),
      deskForwards: sent.reduce((n, s) => n + s.deskForwards, 0),
      flaggedDeliveries: sent.reduce((n, s) => n + s.flaggedDeliveries, 0),
    }
  return { outcome: shards.some((s) => s.outcome === 'waiting') ? 'waiting' : 'already-sent' }
}

/**
 * One shard's report: its tenants' counts, and only theirs, named in the report so the CMS
 * replaces theirs and keeps the other shards'. Its own `aggregate_reports` says which days it
 * went; until the CMS takes it, again at most every half hour. Local dates run ahead of UTC in
 * Japan, so the period ends tomorrow by UTC.
 */
export async function reportShardAggregates(
  env: Env,
  shard: { db: D1Database; tenants: readonly string[] },
  input: { now: Date; fetcher?: typeof fetch; timeZones: ReadonlyMap<string, string> },
): Promise<ReportOutcome> {
  const url = env.CMS_AGGREGATES_URL
  const token = env.AGGREGATES_TOKEN
  if (!url || !token) return { outcome: 'not-configured' }
  const { db } = shard
  const day = input.now.toISOString().slice(0, 10)
  const row = await db
    .prepare(
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
  const report = await buildAggregatesReport(db, {
    from: addDays(to, -(reportDays - 1)),
    to,
    tenants: shard.tenants,
    now: input.now,
    timeZones: input.timeZones,
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
  await record(db, day, input.now, error)
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
