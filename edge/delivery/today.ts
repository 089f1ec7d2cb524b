import type { D1Database } from '@cloudflare/workers-types'
import type { DeliveryLinks } from '../../shared/compose'
import { type DayPlan, planDay } from '../../shared/program'
import type { DeliveryBatch } from '../queues'
import type { SurveyOffer } from '../resident/survey-link'
import type { HistoryBySubscriber } from '../surveys/history'
import { surveyLineOf, surveyOffer } from '../surveys/offer'
import type { TaskHistoryBySubscriber } from '../tasks/history'
import { type TaskOffer, taskLineInputOf, taskOffer } from '../tasks/offer'
import type { BatchDay } from './batch-day'
import { type DueSubscriber, loadDueSubscribers } from './due-subscribers'
import { programDeliveries } from './links'
import { type NurseNews, nurseChangesOf } from './nurse-news'
import type { Rendered } from './render'
import { renderDeliveries } from './render-batch'
import type { Composed } from './requests'

/** The batch's residents, their timelines, their survey and task history and their new nurses, in one statement. */
export async function loadBatch(
  db: D1Database,
  day: BatchDay,
  batch: DeliveryBatch,
): Promise<{
  dueSubscribers: DueSubscriber[]
  surveyHistory: HistoryBySubscriber
  taskHistory: TaskHistoryBySubscriber
  nurseNews: Map<string, NurseNews[]>
}> {
  const dueSubscribers = await loadDueSubscribers(db, {
    tenant: batch.tenant,
    ids: batch.subscriberIds,
    timeZone: day.tenant.tenant.timeZone,
    localDate: day.date,
    history: true,
    nurseNews: true,
  })
  const nurseNews = new Map<string, NurseNews[]>()
  const surveyHistory: HistoryBySubscriber = new Map()
  const taskHistory: TaskHistoryBySubscriber = new Map()
  for (const { id, history, nurseNews: news } of dueSubscribers) {
    if (news?.length) nurseNews.set(id, news)
    if (history?.surveys.size) surveyHistory.set(id, history.surveys)
    if (history?.tasks.size) taskHistory.set(id, history.tasks)
  }
  return { dueSubscribers, surveyHistory, taskHistory, nurseNews }
}

export interface Due {
  dueSubscriber: DueSubscriber
  plan: DayPlan
}

/**
 * Today's slots for each due subscriber, from their timelines (a stale next_send_on cannot choose the
 * message). `over`: those whose timelines hold nothing today — their day is over as it starts.
 */
export function planToday(
  day: BatchDay,
  dueSubscribers: readonly DueSubscriber[],
): { due: Due[]; over: string[] } {
  const due: Due[] = []
  const over: string[] = []
  for (const dueSubscriber of dueSubscribers) {
    const plan = planDay(dueSubscriber.timelines, day.date, day.program)
    if (plan) due.push({ dueSubscriber, plan })
    else over.push(dueSubscriber.id)
  }
  return { due, over }
}

export interface Linked extends Due {
  /** The provider's key, from which the delivery's tokens are derived. */
  key: string
  /** The delivery's id: its message page token's hash. */
  id: string
  links: DeliveryLinks
  /** The segments of the links (page, manage, stop): what batch rendering puts in per resident. */
  segments: string[]
  survey: SurveyOffer | null
  task: TaskOffer | null
  nurseNews: NurseNews[]
}

/** Each due delivery's key and links, and the survey and task it offers, if any (their links join the others). */
export async function linkToday(
  deps: { origin: string; linkSecret: string; shard?: number },
  day: BatchDay,
  due: readonly Due[],
  surveyHistory: HistoryBySubscriber,
  nurseNews: ReadonlyMap<string, NurseNews[]> = new Map(),
  taskHistory: TaskHistoryBySubscriber = new Map(),
): Promise<Linked[]> {
  const linked: Linked[] = []
  const deliveries = await programDeliveries(
    deps,
    day.tenant.tenant.slug,
    day.date,
    due.map((d) => d.dueSubscriber),
  )
  for (const [i, { dueSubscriber, plan }] of due.entries()) {
    const { key, id, links, segments } = deliveries[i]!
    const [pageSegment] = segments
    const dayOffer = surveyOffer({
      surveys: day.surveys,
      tenant: day.tenant,
      program: day.program,
      dueSubscriber,
      plan,
      date: day.date,
      history: surveyHistory.get(dueSubscriber.id),
      origin: deps.origin,
      pageSegment,
    })
    const task = taskOffer({
      tasks: day.tasks,
      surveys: day.surveys,
      tenant: day.tenant,
      program: day.program,
      dueSubscriber,
      plan,
      date: day.date,
      history: taskHistory.get(dueSubscriber.id),
      surveyHistory: surveyHistory.get(dueSubscriber.id),
      survey: dayOffer,
      origin: deps.origin,
      pageSegment,
    })
    // A task its survey marks done brings that survey's link when the day had none.
    const survey = dayOffer ?? task?.survey ?? null
    if (survey) links.surveyUrl = survey.url
    const news = nurseNews.get(dueSubscriber.id) ?? []
    linked.push({ dueSubscriber, plan, key, id, links, segments, survey, task, nurseNews: news })
  }
  return linked
}

/**
 * Today's message for each linked delivery, rendered for its channel, or the reason it cannot be:
 * residents whose day composes alike are rendered once (renderDeliveries).
 */
export function renderToday(day: BatchDay, linked: readonly Linked[]): Composed {
  const { tenant, index, date } = day
  const { rendered } = renderDeliveries(
    linked.map(({ dueSubscriber, plan, key, links, segments, survey, task, nurseNews }) => ({
      tenant,
      index,
      dueSubscriber,
      plan,
      date,
      links,
      segments,
      key,
      surveyLine: surveyLineOf(survey),
      taskLine: taskLineInputOf(task),
      ...(nurseNews.length > 0 ? { nurseChanges: nurseChangesOf(nurseNews) } : {}),
    })),
  )
  const out: Composed = { requests: [], unrenderable: [] }
  for (const [i, { dueSubscriber, id, key, survey, task, nurseNews }] of linked.entries()) {
    const one = rendered[i] as Rendered
    const base = {
      key: id,
      idempotencyKey: key,
      subscriberId: dueSubscriber.id,
      channel: dueSubscriber.channel,
      slots: one.slots,
    }
    if (one.ok)
      out.requests.push({
        ...base,
        smsSegments: one.smsSegments,
        message: one.message,
        survey,
        task,
        ...(one.toldNurse ? { nurseNews } : {}),
      })
    else out.unrenderable.push({ ...base, reason: one.reason })
  }
  return out
}
