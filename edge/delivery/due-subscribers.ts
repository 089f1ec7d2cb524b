import type { D1Database } from '@cloudflare/workers-types'
import { localDate } from '../../shared/calendar'
import type { Audience, Channel } from '../../shared/contract'
import type { TimelineFacts } from '../../shared/program'
import type { SurveyHistory } from '../../shared/surveys'
import type { TaskHistory } from '../../shared/tasks/choose'
import { valuesChunks } from '../db/values'
import { surveyHistoryColumns, surveyHistoryOf } from '../surveys/history'
import { taskHistoryColumns, taskHistoryOf } from '../tasks/history'
import { type NurseNews, type NurseNewsRow, nurseNewsColumn, nurseNewsOf, nurseNewsSince } from './nurse-news'

/** A due subscriber as the consumer needs them: who, where, and every timeline they follow. */
export interface DueSubscriber {
  id: string
  nickname: string
  audience: Audience
  language: string
  channel: Channel
  address: string
  nextSendOn: string | null
  /** The generation of their manage link (resident/link-tokens.ts standingToken). */
  manageGeneration: number
  /** Their rowid: the order the run enqueues a tenant's residents in, which orders their deliveries' ids. */
  row?: number
  /** subscribers.standing_links: the mark of their stored manage and stop tokens, if any. */
  standingLinks?: string | null
  timelines: TimelineFacts[]
  /** Read with the row when asked for (`history`): what the day's survey and task lines depend on. */
  history?: BatchHistory
  /** Read with the row when asked for (`nurseNews`): their households' nurses still to be told of. */
  nurseNews?: NurseNews[]
}

export interface BatchHistory {
  /** Each survey's offers before the day and whether it was answered, by survey id. */
  surveys: Map<string, SurveyHistory>
  /** Each task's offers before the day and whether it is done, by task id. */
  tasks: Map<string, TaskHistory>
  /** Whether a failed day is on record, which a successful send forgets. */
  failing: boolean
  /** Whether a program delivery of the day is on record already (a batch redelivered or re-enqueued). */
  dayStarted: boolean
}

interface HistoryColumns {
  surveyOffers: string
  surveysAnswered: string
  taskOffers: string
  tasksDone: string
  failing: number
  dayStarted: number
}

export interface SubscriberRow extends Omit<DueSubscriber, 'timelines'> {
  createdAt: string
}

export interface TimelineRow {
  subscriberId: string
  dueDate: string | null
  birthDate: string | null
  birthReportedOn: string | null
  lossDate: string | null
  lossReportedOn: string | null
  endedOn: string | null
  createdAt: string
}

// The ids are joined from a VALUES list rather than tested with IN or joined from json_each: D1
// counts each id of an IN list once more (it fills a temporary table, then reads it back), and each
// row json_each yields, a row read per delivery per statement (db/values.ts). `+tenant_slug` keeps
// SQLite on the primary key: left to itself it chose the (tenant, next_send_on) index and read
// every subscriber of the tenant for each batch (51 rows per delivery among 5,000; the whole tenant
// at national scale), found by the delivery-consume bench. The timelines are sorted here, not by
// SQL: a sort is a row read more.
/**
 * The still-active subscribers among `ids` (someone paused or stopped since the run enqueued
 * them is left out), with their timelines, in one query. `anyState` keeps them all: a message
 * page still shows a message after its reader paused or stopped.
 */
export async function loadDueSubscribers(
  db: D1Database,
  input: {
    tenant: string
    ids: readonly string[]
    timeZone: string
    localDate: string
    anyState?: boolean
    /** Their survey and task history before localDate and their failed days, in the same statement. */
    history?: boolean
    /** Their households' nurses still to be told of (nurse-news.ts), in the same statement. */
    nurseNews?: boolean
  },
): Promise<DueSubscriber[]> {
  // The history as columns of the subscribers' own statement: an empty one costs no row read,
  // where a statement of its own reads each id of the batch once more.
  const history = input.history
    ? `, ${surveyHistoryColumns('s.id', '?3')}, ${taskHistoryColumns('s.id', '?3')},
         EXISTS (SELECT 1 FROM delivery_failures f WHERE f.subscriber_id = s.id) AS failing,
         EXISTS (SELECT 1 FROM deliveries d WHERE d.subscriber_id = s.id AND d.local_date = ?3 AND d.kind = 'program')
           AS dayStarted`
    : ''
  // Their timelines as a column too: a statement of their own read each id once more. Each
  // timeline brings its household's nurse (a household's id is its timeline's): a household
  // with none costs no row read, where a statement of its own costs a round trip.
  const since = input.history ? '?4' : '?3'
  const nurse = input.nurseNews ? `, 'nurse', ${nurseNewsColumn('t.id', '?1', since)}` : ''
  const fixed = 2 + (input.history ? 1 : 0) + (input.nurseNews ? 1 : 0)
  const read = await db.batch<SubscriberRow & { timelines: string }>(
    valuesChunks(input.ids, fixed).map((chunk) =>
      db
        .prepare(
          `SELECT s.id, s.rowid AS row, s.nickname, s.audience, s.language, s.channel, s.address, s.next_send_on AS nextSendOn,
                  s.manage_generation AS manageGeneration, s.standing_links AS standingLinks,
                  s.created_at AS createdAt${history},
                  (SELECT json_group_array(json_object('id', t.id, 'dueDate', t.due_date, 'birthDate', t.birth_date,
                            'birthReportedOn', t.birth_reported_on, 'lossDate', t.loss_date,
                            'lossReportedOn', t.loss_reported_on, 'endedOn', t.ended_on, 'createdAt', t.created_at${nurse}))
                   FROM timeline_members m JOIN timelines t ON t.id = m.timeline_id
                   WHERE m.subscriber_id = s.id) AS timelines
           FROM (VALUES ${chunk.sql}) v CROSS JOIN subscribers s ON s.id = v.column1
           WHERE +s.tenant_slug = ?1 AND (?2 OR s.state = 'active')`,
        )
        .bind(
          input.tenant,
          input.anyState ? 1 : 0,
          ...(input.history ? [input.localDate] : []),
          ...(input.nurseNews ? [nurseNewsSince(input.localDate)] : []),
          ...chunk.parameters,
        ),
    ),
  )
  const results = read.flatMap((r) => r.results)
  const timelines: TimelineRow[] = []
  const news = new Map<string, NurseNewsRow[]>()
  for (const row of results) {
    const own = JSON.parse(row.timelines) as (Omit<TimelineRow, 'subscriberId'> & {
      id: string
      nurse?: NurseNewsRow | null
    })[]
    own.sort(byCreatedThenId)
    for (const { id: _, nurse: household, ...t } of own) {
      timelines.push({ ...t, subscriberId: row.id })
      if (household) news.set(row.id, [...(news.get(row.id) ?? []), household])
    }
  }
  const subscribers = subscribersFrom(results, timelines, input)
  if (!input.nurseNews) return subscribers
  return subscribers.map((s) => ({
    ...s,
    nurseNews: nurseNewsOf(news.get(s.id) ?? [], input.localDate, input.timeZone),
  }))
}

// SQLite's ORDER BY t.created_at, t.id: both ASCII (ISO instants and generated ids), so JS's
// string order is SQLite's binary one.
function byCreatedThenId(a: { createdAt: string; id: string }, b: { createdAt: string; id: string }) {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** Subscribers with their timelines (ended ones left out) from their rows, as on `localDate`. */
export function subscribersFrom(
  subscribers: readonly SubscriberRow[],
  timelines: readonly TimelineRow[],
  input: { timeZone: string; localDate: string },
): DueSubscriber[] {
  const bySubscriber = new Map<string, TimelineRow[]>()
  for (const row of timelines) {
    const list = bySubscriber.get(row.subscriberId) ?? []
    list.push(row)
    bySubscriber.set(row.subscriberId, list)
  }
  // A resident and the timeline they registered with were written in the same instant mostly.
  const days = new Map<string, string>()
  const dayOf = (instant: string) => {
    const known = days.get(instant)
    if (known !== undefined) return known
    const day = localDate(new Date(instant), input.timeZone)
    days.set(instant, day)
    return day
  }
  return subscribers.map((s) => {
    const joined = dayOf(s.createdAt)
    const facts = (bySubscriber.get(s.id) ?? [])
      .filter((t) => t.endedOn === null || t.endedOn > input.localDate)
      .map((t) => timelineFacts(t, joined, dayOf(t.createdAt)))
    return {
      id: s.id,
      nickname: s.nickname,
      audience: s.audience,
      language: s.language,
      channel: s.channel,
      address: s.address,
      nextSendOn: s.nextSendOn,
      manageGeneration: s.manageGeneration,
      ...(s.row === undefined ? {} : { row: s.row }),
      standingLinks: s.standingLinks ?? null,
      timelines: facts,
      ...('failing' in s ? { history: historyOf(s as SubscriberRow & HistoryColumns, input.localDate) } : {}),
    }
  })
}

function historyOf(columns: HistoryColumns, date: string): BatchHistory {
  return {
    surveys: surveyHistoryOf(columns, date),
    tasks: taskHistoryOf(columns, date),
    failing: columns.failing === 1,
    dayStarted: columns.dayStarted === 1,
  }
}

// Nothing is sent before the later of the timeline's registration and this subscriber joining
// it: a partner invited in week 30 starts at week 30.
function timelineFacts(row: TimelineRow, subscriberJoined: string, created: string): TimelineFacts {
  const facts: TimelineFacts = { from: created > subscriberJoined ? created : subscriberJoined }
  if (row.dueDate) facts.due = row.dueDate
  if (row.birthDate) facts.birth = { date: row.birthDate, reportedOn: row.birthReportedOn ?? undefined }
  if (row.lossDate) facts.loss = { date: row.lossDate, reportedOn: row.lossReportedOn ?? undefined }
  return facts
}
