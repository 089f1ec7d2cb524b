import type { D1Database } from '@cloudflare/workers-types'
import type { CivilDate } from '../../shared/calendar'
import { programOf } from '../../shared/compose'
import type { Audience, NationalPart, Task, TaskDoneBy, TenantPart } from '../../shared/contract'
import { type DayContext, standardProgram, windowContains } from '../../shared/program'
import { loadResidents } from '../announcements/recipients'

/** Where one resident stands with one task. */
export type TaskState =
  | { state: 'not-offered' }
  | { state: 'offered'; firstOfferedOn: CivilDate; reminders: number }
  | {
      state: 'done'
      doneOn: CivilDate
      doneBy: TaskDoneBy
      /** Null when it was done before any line reached them (e.g. at the counter). */
      firstOfferedOn: CivilDate | null
      reminders: number
    }

export type ResidentTask = { task: Task } & TaskState

/** A tenant's tasks first, then the national ones (parts stored before tasks existed have none). */
export const tasksOf = (tenant: TenantPart | undefined, national: NationalPart | undefined): Task[] => [
  ...(tenant?.tasks ?? []),
  ...(national?.tasks ?? []),
]

interface OfferRow {
  subscriberId: string
  taskId: string
  firstOfferedOn: string
  reminders: number
}

interface DoneRow {
  subscriberId: string
  taskId: string
  doneOn: string
  doneBy: TaskDoneBy
}

/** Each subscriber's task lines that reached them (a failed delivery never did) and tasks done, by task id. */
export interface TaskRecords {
  offers: Map<string, Map<string, OfferRow>>
  done: Map<string, Map<string, DoneRow>>
}

export async function loadTaskRecords(
  db: D1Database,
  subscriberIds: readonly string[],
): Promise<TaskRecords> {
  const records: TaskRecords = { offers: new Map(), done: new Map() }
  if (subscriberIds.length === 0) return records
  const ids = JSON.stringify(subscriberIds)
  const [offers, done] = await db.batch<OfferRow | DoneRow>([
    db
      .prepare(
        `SELECT o.subscriber_id AS subscriberId, o.task_id AS taskId, min(o.local_date) AS firstOfferedOn,
                sum(o.reminder > 0) AS reminders
         FROM task_offers o JOIN deliveries d ON d.id = o.delivery_id
         WHERE o.subscriber_id IN (SELECT value FROM json_each(?1))
           AND d.state NOT IN ('failed-permanent', 'failed-transient')
         GROUP BY o.subscriber_id, o.task_id`,
      )
      .bind(ids),
    db
      .prepare(
        `SELECT subscriber_id AS subscriberId, task_id AS taskId, done_on AS doneOn, done_by AS doneBy
         FROM task_done WHERE subscriber_id IN (SELECT value FROM json_each(?1))`,
      )
      .bind(ids),
  ])
  const put = <R extends { subscriberId: string; taskId: string }>(
    into: Map<string, Map<string, R>>,
    row: R,
  ) => {
    const byTask = into.get(row.subscriberId) ?? new Map<string, R>()
    byTask.set(row.taskId, row)
    into.set(row.subscriberId, byTask)
  }
  for (const row of (offers?.results ?? []) as OfferRow[]) put(records.offers, row)
  for (const row of (done?.results ?? []) as DoneRow[]) put(records.done, row)
  return records
}

/**
 * The tasks that concern one resident, in the snapshot's order: those for their audience that a line
 * has already offered them, that they have done, or whose window one of their timelines is in today
 * (the delivery offers it on their next message). Tasks the snapshot no longer holds are left out.
 */
export function tasksForResident(
  tasks: readonly Task[],
  resident: { id: string; audience: Audience; contexts: readonly DayContext[] },
  records: TaskRecords,
): ResidentTask[] {
  const offers = records.offers.get(resident.id)
  const done = records.done.get(resident.id)
  return tasks.flatMap((task): ResidentTask[] => {
    if (!task.audiences.includes(resident.audience)) return []
    const offer = offers?.get(task.id)
    const finished = done?.get(task.id)
    if (finished)
      return [
        {
          task,
          state: 'done',
          doneOn: finished.doneOn,
          doneBy: finished.doneBy,
          firstOfferedOn: offer?.firstOfferedOn ?? null,
          reminders: offer?.reminders ?? 0,
        },
      ]
    if (offer)
      return [{ task, state: 'offered', firstOfferedOn: offer.firstOfferedOn, reminders: offer.reminders }]
    return resident.contexts.some((context) => windowContains(task.window, context))
      ? [{ task, state: 'not-offered' }]
      : []
  })
}

/** Whether one of these days is a day of loss: the delivery offers no task then, and the page lists none. */
export const mourning = (contexts: readonly DayContext[]) => contexts.some((c) => c.track === 'loss')

/**
 * These residents of one town with their tasks on `date`: where their timelines stand (as the
 * delivery reads them) and their task records, in three queries.
 */
export async function residentsTasks(
  db: D1Database,
  input: {
    tenant: string
    part: TenantPart | undefined
    national: NationalPart | undefined
    subscriberIds: readonly string[]
    date: CivilDate
  },
) {
  const tasks = tasksOf(input.part, input.national)
  if (tasks.length === 0 || input.subscriberIds.length === 0) return []
  const program = input.part ? programOf(input.part.tenant) : standardProgram
  const [residents, records] = await Promise.all([
    loadResidents(db, {
      tenant: input.tenant,
      which: { ids: input.subscriberIds },
      date: input.date,
      program,
    }),
    loadTaskRecords(db, input.subscriberIds),
  ])
  return residents.map((r) => {
    const { contexts, audience } = r.recipient
    return {
      id: r.id,
      nickname: r.nickname,
      language: r.language,
      contexts,
      tasks: tasksForResident(tasks, { id: r.id, audience, contexts }, records),
    }
  })
}
