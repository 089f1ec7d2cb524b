import type { D1Database } from '@cloudflare/workers-types'
import { emptyLists, type ReportLists } from '../../shared/contract'
import { consultationCounts } from './consultation-counts'
import { providerPauseCounts } from './pause-counts'
import { costCounts, readingCounts } from './reading-counts'
import { registrationCounts, residentCounts, stopCounts } from './resident-counts'
import { surveyResponseCounts } from './survey-response-counts'
import { taskDayCounts } from './task-counts'

/** The lists gathered in aggregates.ts itself; every other list of the report is the dashboard's. */
const elsewhere = ['deliveries', 'surveys', 'deskForwards', 'flaggedDeliveries', 'undecided'] as const
export type DashboardCounts = Omit<ReportLists, (typeof elsewhere)[number]>

/**
 * The dashboard's counts of each tenant given, one tenant at a time (each query reads one
 * tenant's rows in this shard), for the period; a tenant without a known time zone (not in the
 * active snapshot) has none. Numbers only: no resident's id, address or text leaves here.
 */
export async function dashboardCounts(
  db: D1Database,
  input: { from: string; to: string; tenants: readonly string[]; timeZones: ReadonlyMap<string, string> },
): Promise<DashboardCounts> {
  const counts: DashboardCounts = emptyLists(...elsewhere)
  for (const tenant of input.tenants) {
    const timeZone = input.timeZones.get(tenant)
    if (!timeZone) continue
    const period = { tenant, from: input.from, to: input.to, timeZone }
    counts.residents.push(...(await residentCounts(db, period)))
    counts.registrations.push(...(await registrationCounts(db, period)))
    counts.stops.push(...(await stopCounts(db, period)))
    counts.reading.push(...(await readingCounts(db, period)))
    counts.costs.push(...(await costCounts(db, period)))
    counts.consultations.push(...(await consultationCounts(db, period)))
    counts.surveyResponses.push(...(await surveyResponseCounts(db, period)))
    counts.tasks.push(...(await taskDayCounts(db, period)))
    counts.providerPauses.push(...(await providerPauseCounts(db, period)))
  }
  return counts
}
