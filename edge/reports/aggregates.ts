import type { D1Database } from '@cloudflare/workers-types'
import {
  type AggregatesReport,
  aggregatesReport,
  contractVersion,
  type SurveyAnswerCount,
} from '../../shared/contract'
import { loadActiveSnapshot } from '../snapshot/read'
import { deliveryCounts } from './delivery-counts'
import { deskForwardCounts } from './desk-forward-counts'
import { flaggedDeliveryCounts } from './flagged-counts'
import { undecidedAges } from './undecided-ages'

/** Survey answer counts of every tenant for a period: anonymous numbers only, from the counts table. */
export async function surveyAnswerCounts(
  db: D1Database,
  period: { from: string; to: string },
): Promise<SurveyAnswerCount[]> {
  const { results } = await db
    .prepare(
      `SELECT local_date AS date, tenant_slug AS tenant, survey_id AS surveyId, survey_version AS surveyVersion,
              question_id AS questionId, value, count
       FROM survey_answer_counts WHERE local_date BETWEEN ?1 AND ?2
       ORDER BY local_date, tenant_slug, survey_id, question_id, value`,
    )
    .bind(period.from, period.to)
    .all<Omit<SurveyAnswerCount, 'value'> & { value: string }>()
  // '' is how D1 keys "answers of any value" (free text); the contract says null.
  return results.map((row) => ({ ...row, value: row.value === '' ? null : row.value }))
}

/**
 * The report the CMS receives: survey answer counts, delivery counts, consultations not at
 * their desk and flagged deliveries, and how long the oldest of those two has waited per tenant,
 * checked against the contract.
 */
export async function buildAggregatesReport(
  db: D1Database,
  input: { from: string; to: string; tenants: readonly string[]; now: Date },
): Promise<AggregatesReport> {
  const deliveries = []
  for (const tenant of input.tenants)
    deliveries.push(...(await deliveryCounts(db, { tenant, from: input.from, to: input.to })))
  const snapshot = await loadActiveSnapshot(db)
  const timeZones = new Map<string, string>()
  for (const slug of input.tenants) {
    const tenant = snapshot?.tenants.get(slug)?.tenant
    if (tenant) timeZones.set(slug, tenant.timeZone)
  }
  return aggregatesReport.parse({
    contractVersion,
    generatedAt: input.now.toISOString(),
    from: input.from,
    to: input.to,
    deliveries,
    surveys: await surveyAnswerCounts(db, input),
    deskForwards: await deskForwardCounts(db, { from: input.from, to: input.to, timeZones }),
    flaggedDeliveries: await flaggedDeliveryCounts(db, input),
    undecided: await undecidedAges(db, { timeZones, now: input.now }),
  })
}
