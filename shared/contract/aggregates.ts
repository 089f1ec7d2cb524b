import { z } from 'zod'
import { bilingual } from './messages'
import { audience, channel, civilDate, instant, language, nonEmpty, slotKey, tenantSlug } from './primitives'
import { contractVersionField } from './version'

export const deliveryKinds = ['program', 'confirmation', 'announcement'] as const
export const deliveryKind = z.enum(deliveryKinds)
export type DeliveryKind = z.infer<typeof deliveryKind>

/** What a channel adapter reports for one message; also the outcome counted in aggregates. */
export const deliveryOutcomes = ['sent', 'failed-transient', 'failed-permanent', 'unknown'] as const
export const deliveryOutcome = z.enum(deliveryOutcomes)
export type DeliveryOutcome = z.infer<typeof deliveryOutcome>

const count = z.int().min(0)

/**
 * Deliveries on one local date × tenant × slot × channel × outcome. `confirmation` also counts the
 * SMS texts sent without a delivery row (codes, confirm links, notices about an address), so the
 * town's SMS sends include every text it pays for.
 */
export const deliveryCount = z
  .object({
    date: civilDate,
    tenant: tenantSlug,
    kind: deliveryKind,
    /** The program slot; null for confirmations and announcements. */
    slot: slotKey.nullable(),
    channel,
    outcome: deliveryOutcome,
    count,
  })
  .refine((row) => (row.kind === 'program') === (row.slot !== null), {
    path: ['slot'],
    error: bilingual(
      'スロットは配信種別 program のときだけ指定します',
      'A slot is given for program deliveries only',
    ),
  })
export type DeliveryCount = z.infer<typeof deliveryCount>

/** Answers to one survey question on one date, by option (or `null` for free text / scale totals). */
export const surveyAnswerCount = z.object({
  date: civilDate,
  tenant: tenantSlug,
  surveyId: nonEmpty(64),
  surveyVersion: z.int().min(1),
  questionId: nonEmpty(40),
  /** The option value, or the scale value as text; null counts answers of any value. */
  value: z.string().nullable(),
  count,
})
export type SurveyAnswerCount = z.infer<typeof surveyAnswerCount>

/**
 * Consultations made on one local date that have not reached the tenant's desk: `pending` (still
 * being retried) and `failed` (out of attempts or refused; a person must look). Counts only: no
 * text, category or anything about the resident.
 */
export const deskForwardCount = z.object({
  date: civilDate,
  tenant: tenantSlug,
  pending: count,
  failed: count,
})
export type DeskForwardCount = z.infer<typeof deskForwardCount>

/**
 * Program deliveries of one local date that a person must decide about: `open` — flagged (sent
 * perhaps, on a channel without idempotency keys; or never sent: content that could not be
 * composed, a batch that exhausted its retries) and not decided yet; `resolved` — decided since
 * (marked sent, or sent again); `deadLetters` — delivery batches of that day that exhausted their
 * retries. Counts only: which resident, address or message stays at the edge.
 */
export const flaggedDeliveryCount = z.object({
  date: civilDate,
  tenant: tenantSlug,
  open: count,
  resolved: count,
  deadLetters: count,
})
export type FlaggedDeliveryCount = z.infer<typeof flaggedDeliveryCount>

/**
 * How long the oldest of what waits for a person in one tenant has waited, in whole days (local
 * dates in the tenant's time zone): `flaggedDeliveryDays` since the delivery date of its oldest
 * open flagged delivery, `deskForwardDays` since the day its oldest consultation not at the desk
 * (pending or failed) was made; null when none waits. They are kept at the edge until decided,
 * however old, so this is how anyone sees that something has been waiting for weeks.
 */
export const undecidedAge = z.object({
  tenant: tenantSlug,
  flaggedDeliveryDays: count.nullable(),
  deskForwardDays: count.nullable(),
})
export type UndecidedAge = z.infer<typeof undecidedAge>

/**
 * A resident's stage on a date, from their youngest timeline: 妊娠前期 (up to 13w6d), 中期
 * (14w0d–27w6d), 後期 (28w0d on), 0–100 days after the birth, then up to 1, 2 and 3 years.
 */
export const residentStages = [
  'pregnancy-early',
  'pregnancy-mid',
  'pregnancy-late',
  'day-0-100',
  'to-1',
  'to-2',
  'to-3',
] as const
export const residentStage = z.enum(residentStages)
export type ResidentStage = z.infer<typeof residentStage>

/** Why a resident stopped, as the stop page asks (optional); `not-given` when they did not say. */
export const stopReasons = ['moved', 'enough', 'too-many', 'not-useful', 'other', 'not-given'] as const
export const stopReason = z.enum(stopReasons)
export type StopReason = z.infer<typeof stopReason>

/** Residents (confirmed, not stopped) as of the end of `date`, by stage, audience, channel, language and state. */
export const residentCount = z.object({
  date: civilDate,
  tenant: tenantSlug,
  stage: residentStage,
  audience,
  channel,
  language,
  state: z.enum(['active', 'paused']),
  count,
})
export type ResidentCount = z.infer<typeof residentCount>

/** Registrations started on `date`: how many were confirmed, and how many never were (expired or still waiting). */
export const registrationCount = z.object({
  date: civilDate,
  tenant: tenantSlug,
  channel,
  language,
  audience,
  confirmed: count,
  unconfirmed: count,
})
export type RegistrationCount = z.infer<typeof registrationCount>

/** Residents who stopped on `date`, by the reason they gave. */
export const stopCount = z.object({ date: civilDate, tenant: tenantSlug, reason: stopReason, count })
export type StopCount = z.infer<typeof stopCount>

/**
 * Program deliveries sent on `date` by channel and the resident's stage, and how many of them had
 * their message page opened and a link clicked (ever, up to the report).
 */
export const readingCount = z.object({
  date: civilDate,
  tenant: tenantSlug,
  channel,
  stage: residentStage,
  sent: count,
  opened: count,
  clicked: count,
})
export type ReadingCount = z.infer<typeof readingCount>

/** Messages sent on `date` by channel (every kind), and the SMS segments they took (0 on other channels). */
export const costCount = z.object({
  date: civilDate,
  tenant: tenantSlug,
  channel,
  messages: count,
  smsSegments: count,
})
export type CostCount = z.infer<typeof costCount>

/**
 * Consultations received on `date` (local), how many were urgent, and how many staff answered (a
 * message to the household, or closed) by the end of the next working day (Mon–Fri).
 */
export const consultationCount = z.object({
  date: civilDate,
  tenant: tenantSlug,
  received: count,
  urgent: count,
  answeredWithinOneWorkingDay: count,
})
export type ConsultationCount = z.infer<typeof consultationCount>

/**
 * One survey on `date`, by the resident's stage that day (null: no pregnancy or child under 3
 * running, e.g. after a loss): residents its line first reached (`offered`), residents its first
 * reminder reached (`reminded`), answers (`answered`), answers asking for an interview
 * (`interviewsRequested`), and interviews staff recorded as held in the workspace that day
 * (`interviewsHeld`). Each resident counts once in each, on its own day.
 */
export const surveyResponseCount = z.object({
  date: civilDate,
  tenant: tenantSlug,
  surveyId: nonEmpty(64),
  surveyVersion: z.int().min(1),
  stage: residentStage.nullable(),
  offered: count,
  reminded: count,
  answered: count,
  interviewsRequested: count,
  interviewsHeld: count,
})
export type SurveyResponseCount = z.infer<typeof surveyResponseCount>

/**
 * One task on `date`: residents its line first reached (`offered`), residents its first reminder
 * reached (`reminded`), residents who did it (`done`, by any way of marking it) and of those, who
 * did it on or after the day of their first reminder (`doneAfterReminder`). Each resident counts
 * once in each, on its own day: the period's sum is the staff workspace's counts for that period.
 */
export const taskDayCount = z.object({
  date: civilDate,
  tenant: tenantSlug,
  taskId: nonEmpty(64),
  offered: count,
  reminded: count,
  done: count,
  doneAfterReminder: count,
})
export type TaskDayCount = z.infer<typeof taskDayCount>

/** Why a provider paused a resident: it refuses the address (bounce, complaint, unfollow) or repeated failures. */
export const providerPauseCauses = ['refused', 'failures'] as const

/**
 * Residents paused by the provider and still paused, by channel and cause, counted on the local
 * date their record last changed (the pause, unless something changed since).
 */
export const providerPauseCount = z.object({
  date: civilDate,
  tenant: tenantSlug,
  channel,
  cause: z.enum(providerPauseCauses),
  count,
})
export type ProviderPauseCount = z.infer<typeof providerPauseCount>

/**
 * POST from the edge to the CMS: anonymous counts only, never a resident's data. `deskForwards`,
 * `flaggedDeliveries` and `undecided` were added within contract version 1 (additions with a default: an edge
 * that does not send one reads as none, a CMS that does not know it ignores it). Each list covers
 * the days from `from` to `to`, where a day absent means none; `flaggedDeliveries` may also name
 * earlier days, those with deliveries still open or resolved since `from`, so an old day's open
 * count is never left stale. `undecided` names each tenant with something waiting (a tenant
 * absent has nothing waiting) as of `generatedAt`. `residents`, `registrations`, `stops`,
 * `reading`, `costs` and `consultations` (the dashboard's) were added within version 1 the same way,
 * and then `surveyResponses`, `tasks` and `providerPauses`: a CMS that does not know them drops
 * them, an edge that does not send them reads as none; no reader misreads either, so the version
 * stays (shared/contract/version.ts).
 */
const reportFields = z.object({
  contractVersion: contractVersionField,
  generatedAt: instant,
  from: civilDate,
  to: civilDate,
  /**
   * The tenants this report is the whole truth about (one shard's): the CMS replaces their
   * counts of the period and no other tenant's. Added within contract version 1: absent (an
   * edge from before shards, one database), the report speaks for every tenant.
   */
  tenants: z.array(tenantSlug).optional(),
  deliveries: z.array(deliveryCount),
  surveys: z.array(surveyAnswerCount),
  deskForwards: z.array(deskForwardCount).default([]),
  flaggedDeliveries: z.array(flaggedDeliveryCount).default([]),
  undecided: z.array(undecidedAge).default([]),
  residents: z.array(residentCount).default([]),
  registrations: z.array(registrationCount).default([]),
  stops: z.array(stopCount).default([]),
  reading: z.array(readingCount).default([]),
  costs: z.array(costCount).default([]),
  consultations: z.array(consultationCount).default([]),
  surveyResponses: z.array(surveyResponseCount).default([]),
  tasks: z.array(taskDayCount).default([]),
  providerPauses: z.array(providerPauseCount).default([]),
})

/** The report as read: its period runs forward, and its rows name only the tenants it lists. */
export const aggregatesReport = reportFields
  .refine((report) => report.from <= report.to, {
    path: ['to'],
    error: bilingual('期間の終わりが始まりより前です', 'The period ends before it starts'),
  })
  .refine(
    (report) => {
      if (!report.tenants) return true
      const covered = new Set(report.tenants)
      return reportRows(report).every((row) => covered.has(row.tenant))
    },
    {
      path: ['tenants'],
      error: bilingual(
        '集計の行に tenants にない自治体があります',
        'A row names a tenant the report does not list in tenants',
      ),
    },
  )
export type AggregatesReport = z.infer<typeof aggregatesReport>

type ReportFields = z.output<typeof reportFields>

/** The names of a report's lists: each field that is a list of rows naming a tenant. */
export type ReportList = {
  [K in keyof ReportFields]-?: ReportFields[K] extends readonly { tenant: string }[] ? K : never
}[keyof ReportFields]
export type ReportLists = Pick<ReportFields, ReportList>

const isRowList = (field: z.ZodType) => {
  const list = field instanceof z.ZodDefault ? field.unwrap() : field
  return list instanceof z.ZodArray && list.element instanceof z.ZodObject
}

/** The report's lists in the schema's order, read from the schema so a list added there is in it. */
export const reportLists = Object.entries(reportFields.shape)
  .filter(([, field]) => isRowList(field))
  .map(([name]) => name as ReportList)

/**
 * Every list of a report, empty, in the schema's order: what a report is built up from. `except`
 * leaves out the lists a builder gathers elsewhere or leaves to the contract's default.
 */
export function emptyLists<Left extends ReportList = never>(...except: Left[]): Omit<ReportLists, Left> {
  const left: readonly ReportList[] = except
  return Object.fromEntries(
    reportLists.filter((name) => !left.includes(name)).map((name) => [name, []]),
  ) as unknown as Omit<ReportLists, Left>
}

/** Every row of a report, whatever its list: what names a tenant. */
export function reportRows(report: Record<ReportList, readonly { tenant: string }[]>): { tenant: string }[] {
  return reportLists.flatMap((name) => report[name])
}

/** A report as an edge may send it: the lists added within version 1 may be absent. */
export type AggregatesReportInput = z.input<typeof aggregatesReport>
