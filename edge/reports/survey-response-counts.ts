import type { D1Database } from '@cloudflare/workers-types'
import type { ResidentStage, SurveyResponseCount } from '../../shared/contract'
import type { TenantPeriod } from './resident-counts'
import { type StageFacts, youngestStage } from './stage'
import { tenantResidents } from './tenant-deliveries'

type Measure = 'offered' | 'reminded' | 'answered' | 'interviewsRequested' | 'interviewsHeld'

interface Event {
  subscriberId: string
  surveyId: string
  surveyVersion: number
  date: string
  measure: Measure
}

// A failed delivery never reached the resident: its line does not count as offered. The tenant's
// residents first, then each one's survey lines through the survey index (as surveys/history.ts
// reads them), so a town's report reads its own residents' lines, not every survey line in the shard.
const reached = `SELECT d.subscriber_id AS subscriberId, d.survey_id AS surveyId, d.survey_version AS surveyVersion,
                        min(d.local_date) AS offeredOn,
                        min(CASE WHEN d.survey_reminder > 0 THEN d.local_date END) AS remindedOn
                 FROM tenant_residents r CROSS JOIN deliveries d INDEXED BY deliveries_survey
                   ON d.subscriber_id = r.id AND d.survey_id <> ''
                 WHERE d.tenant_slug = ?1 AND d.state NOT IN ('failed-permanent', 'failed-transient')
                 GROUP BY 1, 2, 3`

/** The survey lines of the tenant (?1) first offered or reminded in the period (?2 to ?3). */
export const offersInPeriod = `${tenantResidents}
  SELECT * FROM (${reached}) WHERE offeredOn BETWEEN ?2 AND ?3 OR remindedOn BETWEEN ?2 AND ?3`

/**
 * Each survey's residents reached, reminded, answering, asking for an interview and interviewed
 * on each date of the period, by their stage that day. Interview requests are the answers that
 * asked for one (the workspace's inbox holds them as consultations from `interview`); held is the
 * day staff recorded in the workspace (markInterviewDone). Counts only.
 */
export async function surveyResponseCounts(
  db: D1Database,
  period: TenantPeriod,
): Promise<SurveyResponseCount[]> {
  const [offers, answers, held] = await db.batch<Record<string, string | number | null>>([
    db.prepare(offersInPeriod).bind(period.tenant, period.from, period.to),
    db
      .prepare(
        `SELECT subscriber_id AS subscriberId, survey_id AS surveyId, survey_version AS surveyVersion,
                answered_on AS date, interview_state != 'none' AS interview
         FROM survey_responses WHERE tenant_slug = ?1 AND answered_on BETWEEN ?2 AND ?3`,
      )
      .bind(period.tenant, period.from, period.to),
    db
      .prepare(
        `SELECT r.subscriber_id AS subscriberId, r.survey_id AS surveyId, r.survey_version AS surveyVersion,
                c.interview_done_on AS date
         FROM consultations c JOIN survey_responses r ON r.id = c.id
         WHERE c.tenant_slug = ?1 AND c.source = 'interview' AND c.interview_done_on BETWEEN ?2 AND ?3`,
      )
      .bind(period.tenant, period.from, period.to),
  ])
  const inPeriod = (date: unknown): date is string =>
    typeof date === 'string' && date >= period.from && date <= period.to
  const events: Event[] = []
  const base = (row: Record<string, string | number | null>) => ({
    subscriberId: String(row.subscriberId),
    surveyId: String(row.surveyId),
    surveyVersion: Number(row.surveyVersion),
  })
  for (const row of offers?.results ?? []) {
    if (inPeriod(row.offeredOn)) events.push({ ...base(row), date: row.offeredOn, measure: 'offered' })
    if (inPeriod(row.remindedOn)) events.push({ ...base(row), date: row.remindedOn, measure: 'reminded' })
  }
  for (const row of answers?.results ?? []) {
    events.push({ ...base(row), date: String(row.date), measure: 'answered' })
    if (row.interview) events.push({ ...base(row), date: String(row.date), measure: 'interviewsRequested' })
  }
  for (const row of held?.results ?? [])
    events.push({ ...base(row), date: String(row.date), measure: 'interviewsHeld' })

  const timelines = await timelinesOf(db, [...new Set(events.map((e) => e.subscriberId))])
  const counts = new Map<string, SurveyResponseCount>()
  for (const event of events) {
    const stage: ResidentStage | null = youngestStage(timelines.get(event.subscriberId) ?? [], event.date)
    const key = [event.date, event.surveyId, event.surveyVersion, stage].join('|')
    const count = counts.get(key) ?? {
      date: event.date,
      tenant: period.tenant,
      surveyId: event.surveyId,
      surveyVersion: event.surveyVersion,
      stage,
      offered: 0,
      reminded: 0,
      answered: 0,
      interviewsRequested: 0,
      interviewsHeld: 0,
    }
    count[event.measure]++
    counts.set(key, count)
  }
  return [...counts.values()]
}

/** The timelines of the residents given, by resident (through their keys), a few hundred a query. */
async function timelinesOf(
  db: D1Database,
  subscribers: readonly string[],
): Promise<Map<string, StageFacts[]>> {
  const facts = new Map<string, StageFacts[]>()
  for (let i = 0; i < subscribers.length; i += idsPerQuery) {
    const { results } = await db
      .prepare(
        `SELECT m.subscriber_id AS id, t.due_date AS due, t.birth_date AS birth, t.loss_date AS loss, t.ended_on AS ended
         FROM timeline_members m JOIN timelines t ON t.id = m.timeline_id
         WHERE m.subscriber_id IN (SELECT value FROM json_each(?1))`,
      )
      .bind(JSON.stringify(subscribers.slice(i, i + idsPerQuery)))
      .all<StageFacts & { id: string }>()
    for (const { id, ...row } of results) facts.set(id, [...(facts.get(id) ?? []), row])
  }
  return facts
}

// D1 caps a bound value's size: ids in chunks keep each JSON list to a few kilobytes.
const idsPerQuery = 200
