import type { D1Database, D1PreparedStatement } from '@cloudflare/workers-types'
import type { TaskLineInput } from '../../shared/compose'
import type { NationalPart, Survey, Task, TenantPart } from '../../shared/contract'
import { type DayPlan, type Program, slotContext, type TimelineFacts } from '../../shared/program'
import type { SurveyHistory } from '../../shared/surveys'
import { type TaskHistory, type TaskLine, taskForDay } from '../../shared/tasks'
import { type SurveyOffer, surveyUrl } from '../resident/survey-link'

/** The task line of one delivery, with its links; `survey`: the survey link made for it, if the day had none. */
export interface TaskOffer {
  line: TaskLine
  doneUrl?: string
  survey?: SurveyOffer
}

/** A tenant's tasks first, then the national ones. */
export const tasksOf = (tenant: TenantPart, national: NationalPart): Task[] => [
  ...tenant.tasks,
  ...national.tasks,
]

/**
 * The "done" link of a delivery: /k/ with the segment of the delivery's message page (links.ts),
 * whose token's hash is the delivery's id already (and forwarded when its tenant moves), so no row
 * is written for it. The page behind it only asks; a POST marks the task done.
 */
export const taskDoneUrl = (origin: string, pageSegment: string) =>
  `${origin.replace(/\/$/, '')}/k/${pageSegment}`

/** The task (first offer or reminder) this resident's delivery carries today, if any. */
export function taskOffer(input: {
  tasks: readonly Task[]
  surveys: readonly Survey[]
  tenant: TenantPart
  program: Program
  dueSubscriber: {
    audience: Task['audiences'][number]
    language: string
    timelines: readonly TimelineFacts[]
  }
  plan: DayPlan
  date: string
  history: ReadonlyMap<string, TaskHistory> | undefined
  surveyHistory: ReadonlyMap<string, SurveyHistory> | undefined
  /** The survey line the delivery carries already. */
  survey: SurveyOffer | null
  origin: string
  /** The segment of the delivery's message page (links.ts), which its task and survey links take. */
  pageSegment: string
}): TaskOffer | null {
  if (input.tasks.length === 0) return null
  // A task its survey marks done links that survey: not on a day another survey has the message's
  // one survey link, nor when the run does not publish the survey.
  const daySurvey = input.survey?.line.survey.id
  const tasks = input.tasks.filter(
    (t) =>
      t.doneBy !== 'survey' ||
      (daySurvey === undefined ? input.surveys.some((s) => s.id === t.surveyId) : daySurvey === t.surveyId),
  )
  const contexts = input.plan.slots.map((planned) => {
    const timeline = input.dueSubscriber.timelines[planned.timeline]
    return timeline ? slotContext(timeline, input.date, input.program) : ({ track: 'none' } as const)
  })
  const line = taskForDay({
    tasks,
    contexts,
    audience: input.dueSubscriber.audience,
    language: input.dueSubscriber.language,
    fallbackLanguages: input.tenant.tenant.languages.fallback,
    date: input.date,
    history: withAnswers(input.tasks, input.history, input.surveyHistory, input.date),
  })
  if (!line) return null
  if (line.task.doneBy === 'resident') return { line, doneUrl: taskDoneUrl(input.origin, input.pageSegment) }
  if (line.task.doneBy !== 'survey' || input.survey) return { line }
  const survey = input.surveys.find((s) => s.id === line.task.surveyId) as Survey
  return {
    line,
    survey: {
      line: { survey, reminder: input.surveyHistory?.get(survey.id)?.offers ?? 0 },
      url: surveyUrl(input.origin, input.pageSegment),
    },
  }
}

// A survey answered is its task done, whenever it was answered (even before the task was offered).
function withAnswers(
  tasks: readonly Task[],
  history: ReadonlyMap<string, TaskHistory> | undefined,
  surveys: ReadonlyMap<string, SurveyHistory> | undefined,
  date: string,
): ReadonlyMap<string, TaskHistory> {
  const merged = new Map(history ?? [])
  for (const task of tasks) {
    if (!task.surveyId || !surveys?.get(task.surveyId)?.answered) continue
    const seen = merged.get(task.id)
    merged.set(task.id, { ...(seen ?? { offers: 0, firstOfferedOn: date, lastOfferedOn: date }), done: true })
  }
  return merged
}

/** The composition's input for a task line. */
export const taskLineInputOf = (offer: TaskOffer | null): TaskLineInput | undefined =>
  offer
    ? {
        line: offer.line.text.line,
        language: offer.line.text.language,
        reminder: offer.line.reminder > 0,
        ...(offer.doneUrl ? { doneUrl: offer.doneUrl } : {}),
        ...(offer.line.task.doneBy === 'survey' ? { viaSurvey: true } : {}),
        ...(offer.line.task.url ? { url: offer.line.task.url } : {}),
      }
    : undefined

/**
 * Records the task lines of claimed deliveries before they are sent, so the "done" link works the
 * moment the message arrives; one statement for them all, one row per delivery at most. A retried
 * delivery finds its row there.
 */
export function recordOffers(
  db: D1Database,
  input: {
    tenant: string
    localDate: string
    offers: readonly { deliveryId: string; subscriberId: string; offer: TaskOffer }[]
    now: Date
  },
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO task_offers (delivery_id, subscriber_id, tenant_slug, task_id, task_version, reminder,
                                local_date, created_at)
       SELECT value ->> 0, value ->> 1, ?2, value ->> 2, value ->> 3, value ->> 4, ?3, ?4
       FROM json_each(?1) WHERE true
       ON CONFLICT DO NOTHING`,
    )
    .bind(
      JSON.stringify(
        input.offers.map(({ deliveryId, subscriberId, offer }) => [
          deliveryId,
          subscriberId,
          offer.line.task.id,
          offer.line.task.version,
          offer.line.reminder,
        ]),
      ),
      input.tenant,
      input.localDate,
      input.now.toISOString(),
    )
}
