import type { D1Database } from '@cloudflare/workers-types'
import {
  type AggregatesReport,
  aggregatesReport,
  contractVersion,
  type SurveyAnswerCount,
} from '../../shared/contract'
import { loadActiveSnapshot } from '../snapshot/read'
import { dashboardCounts } from './dashboard-counts'
import { deliveryCounts } from './delivery-counts'
import { deskForwardCounts } from './desk-forward-counts'
import { flaggedDeliveryCounts } from './flagged-counts'
import { undecidedAges } from './undecided-ages'

/**
 * Survey answer counts for a period: anonymous numbers only, from the counts table, of the
 * tenants given (every tenant in this database when none are).
 */
export async function surveyAnswerCounts(
  db: D1Database,
  period: { from: string; to: string; tenants?: readonly string[] },
): Promise<SurveyAnswerCount[]> {
  const { results } = await db
    .prepare(
      `SELECT local_date AS date, tenant_slug AS tenant, survey_id AS surveyId, survey_version AS surveyVersion,
              question_id AS questionId, value, count
       FROM survey_answer_counts WHERE local_date BETWEEN ?1 AND ?2
         AND (?3 IS NULL OR tenant_slug IN (SELECT value FROM json_each(?3)))
       ORDER BY local_date, tenant_slug, survey_id, question_id, value`,
    )
    .bind(period.from, period.to, period.tenants ? JSON.stringify(period.tenants) : null)
    .all<Omit<SurveyAnswerCount, 'value'> & { value: string }>()
  // '' is how D1 keys "answers of any value" (free text); the contract says null.
  return results.map((row) => ({ ...row, value: row.value === '' ? null : row.value }))
}

/**
 * The report the CMS receives: survey answer counts, delivery counts, consultations not at
 * their desk and flagged deliveries, how long the oldest of those two has waited, and the
 * dashboard's counts (residents, registrations, stops, reading, costs, consultations), of the
 * tenants given and no other, checked against the contract. `db` is the shard they are settled
 * in; it names them in `tenants`, so the CMS replaces their counts only and keeps another shard's.
 * Their time zones come from `timeZones`, or else from the active snapshot in `main` (default `db`).
 */
export async function buildAggregatesReport(
  db: D1Database,
  input: {
    from: string
    to: string
    tenants: readonly string[]
    now: Date
    timeZones?: ReadonlyMap<string, string>
    main?: D1Database
  },
): Promise<AggregatesReport> {
  const deliveries = []
  for (const tenant of input.tenants)
    deliveries.push(...(await deliveryCounts(db, { tenant, from: input.from, to: input.to })))
  const known = input.timeZones ?? (await activeTimeZones(input.main ?? db))
  const timeZones = new Map<string, string>()
  for (const slug of input.tenants) {
    const zone = known.get(slug)
    if (zone) timeZones.set(slug, zone)
  }
  return aggregatesReport.parse({
    contractVersion,
    generatedAt: input.now.toISOString(),
    from: input.from,
    to: input.to,
    tenants: [...input.tenants],
    // First, so a list gathered here is never overwritten by an empty one of the dashboard's.
    ...(await dashboardCounts(db, { from: input.from, to: input.to, tenants: input.tenants, timeZones })),
    deliveries,
    surveys: await surveyAnswerCounts(db, input),
    deskForwards: await deskForwardCounts(db, { from: input.from, to: input.to, timeZones }),
    flaggedDeliveries: await flaggedDeliveryCounts(db, input),
    undecided: await undecidedAges(db, { timeZones, now: input.now }),
  })
}

/** Each tenant's time zone, from the active snapshot (main database). */
export async function activeTimeZones(main: D1Database): Promise<Map<string, string>> {
  const snapshot = await loadActiveSnapshot(main)
  return new Map(
    [...(snapshot?.tenants.values() ?? [])].map((part) => [part.tenant.slug, part.tenant.timeZone]),
  )
}
