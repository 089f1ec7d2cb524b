import type { Payload, TypedUser, Where } from 'payload'
import { sampleDaysSlug } from '../aggregates/sample-days'
import { hasRole, tenantIdsOf } from '../plugin/roles'
import { namesOf } from './names'
import { addDays, monthsOf, type Period } from './period'
import { type SurveyTexts, surveyTextsOf } from './survey-texts'

/** Who sees the dashboard: municipal staff (their towns) and the national admin (every town). */
export const seesDashboard = (user: unknown) => hasRole(user, 'admin', 'municipal-staff')

export const countSlugs = {
  deliveries: 'delivery-counts',
  flagged: 'flagged-delivery-counts',
  residents: 'resident-counts',
  registrations: 'registration-counts',
  stops: 'stop-counts',
  reading: 'reading-counts',
  costs: 'cost-counts',
  consultations: 'consultation-counts',
  surveys: 'survey-answer-counts',
  surveyResponses: 'survey-response-counts',
  tasks: 'task-counts',
  providerPauses: 'provider-pause-counts',
} as const
export type CountKind = keyof typeof countSlugs

export type Row = Record<string, unknown> & { date: string; tenant: string }

export interface Town {
  id: string
  name: string
  smsUnitPriceYen: number | null
  /** Null: no limit (the plan for local governments is free and unlimited). */
  lineFreeQuota: number | null
  lineYenPerMessage: number
  pregnancyNotificationsPerYear: number | null
  /** The channels the town offers its residents (its settings in the CMS). */
  channels: string[]
}

export interface DashboardData {
  period: Period
  /** Every town the user may choose. */
  towns: Town[]
  /** Days (one per town) of the period whose counts are the local seed's sample, not an edge's. */
  sampleDays: number
  /** The towns shown: the chosen one, or all of them. */
  shown: Town[]
  rows: Record<CountKind, Row[]>
  /** Titles of the tasks and surveys the rows name, by contract id. */
  names: Record<string, string>
  /** The questions' and options' words of the surveys the answer counts name. */
  surveyTexts: SurveyTexts
}

const idOf = (value: unknown) =>
  String(typeof value === 'object' && value ? (value as { id: unknown }).id : value)
const numberOr = <T>(value: unknown, otherwise: T) => (typeof value === 'number' ? value : otherwise)

/**
 * The counts of the period for the towns shown, read with the user's own access: the count
 * collections' read rule keeps municipal staff to their towns whatever the query asks.
 */
export async function loadDashboard(
  payload: Payload,
  user: TypedUser,
  period: Period,
): Promise<DashboardData> {
  const own = hasRole(user, 'admin') ? null : tenantIdsOf(user).map(String)
  const { docs } = await payload.find({
    collection: 'tenants',
    depth: 0,
    pagination: false,
    sort: 'name',
    overrideAccess: false,
    user,
    ...(own ? { where: { id: { in: own } } } : {}),
  })
  const towns: Town[] = docs.map((doc) => {
    const d = doc as Record<string, unknown>
    return {
      id: String(d.id),
      name: String(d.name ?? ''),
      smsUnitPriceYen: numberOr(d.smsUnitPriceYen, null),
      lineFreeQuota: numberOr(d.lineFreeQuota, null),
      lineYenPerMessage: numberOr(d.lineYenPerMessage, 0),
      pregnancyNotificationsPerYear: numberOr(d.pregnancyNotificationsPerYear, null),
      channels: Array.isArray(d.channels) ? d.channels.map(String) : [],
    }
  })
  const chosen = towns.filter((town) => town.id === period.tenant)
  const shown = chosen.length > 0 ? chosen : towns
  const where: Where = {
    and: [
      { date: { greater_than_equal: period.from } },
      { date: { less_than_equal: period.to } },
      { tenant: { in: shown.map((town) => town.id) } },
    ],
  }
  // Residents are a stock, counted every day: only the days the dashboard reads (the period's
  // end and each month's last day, for the cost per family) instead of every day's rows; with the
  // two days before each, should a day's report be late.
  const ends = [
    ...monthsOf(period).map((month) => addDays(`${addDays(`${month}-01`, 32).slice(0, 7)}-01`, -1)),
    period.to,
  ]
  const residentDays = [...new Set(ends.flatMap((end) => [end, addDays(end, -1), addDays(end, -2)]))].filter(
    (date) => date >= period.from && date <= period.to,
  )
  const sample =
    shown.length === 0
      ? { totalDocs: 0 }
      : await payload.count({ collection: sampleDaysSlug as 'tenants', where, overrideAccess: false, user })
  const entries = await Promise.all(
    (Object.keys(countSlugs) as CountKind[]).map(async (kind) => {
      if (shown.length === 0) return [kind, []] as const
      const found = await payload.find({
        collection: countSlugs[kind] as 'tenants',
        where: kind === 'residents' ? { and: [...(where.and ?? []), { date: { in: residentDays } }] } : where,
        depth: 0,
        pagination: false,
        sort: 'date',
        overrideAccess: false,
        user,
      })
      const rows = found.docs.map((doc) => {
        const d = doc as Record<string, unknown>
        return { ...d, date: String(d.date), tenant: idOf(d.tenant) } as Row
      })
      return [kind, rows] as const
    }),
  )
  const rows = Object.fromEntries(entries) as Record<CountKind, Row[]>
  const idsIn = (list: Row[], key: string) => [...new Set(list.map((row) => String(row[key])))]
  return {
    period: { ...period, tenant: chosen.length > 0 ? period.tenant : null },
    sampleDays: sample.totalDocs,
    towns,
    shown,
    rows,
    names: await namesOf(payload, {
      tasks: idsIn(rows.tasks, 'taskId'),
      surveys: [...idsIn(rows.surveys, 'surveyId'), ...idsIn(rows.surveyResponses, 'surveyId')],
    }),
    surveyTexts: await surveyTextsOf(
      payload,
      rows.surveys.map((row) => ({ surveyId: row.surveyId, surveyVersion: row.surveyVersion })),
    ),
  }
}
