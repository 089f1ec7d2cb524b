import type { D1Database } from '@cloudflare/workers-types'
import { localDate } from '../../shared/calendar'
import type { ManageAccess } from '../resident/access'
import { loadActiveSnapshot } from '../snapshot/read'
import { markTaskDone } from '../tasks/done'
import { mourning, residentsTasks } from '../tasks/open'
import type { TasksShown } from './tasks-section'

/**
 * The resident's tasks on the town's today, as the manage page shows them; none on a day of loss
 * (the delivery offers none then either).
 */
export async function tasksShownOf(main: D1Database, a: ManageAccess, now: Date): Promise<TasksShown> {
  const snapshot = await loadActiveSnapshot(main)
  const { subscriber } = a.resident
  const [mine] = await residentsTasks(a.db, {
    tenant: a.tenant.slug,
    part: snapshot?.tenants.get(a.tenant.slug),
    national: snapshot?.national,
    subscriberIds: [subscriber.id],
    date: localDate(now, a.tenant.timeZone),
  })
  return {
    tasks: mine && !mourning(mine.contexts) ? mine.tasks : [],
    language: subscriber.language,
    fallbackLanguages: a.tenant.languages.fallback,
  }
}

/**
 * The resident's own 「済みました」: only a task a message offered them that they mark themselves
 * (a survey's answer or the town marks the others). False when there is no such task.
 */
export async function markDoneByResident(
  main: D1Database,
  a: ManageAccess,
  taskId: string,
  now: Date,
): Promise<boolean> {
  const shown = await tasksShownOf(main, a, now)
  const task = shown.tasks.find((t) => t.task.id === taskId)
  if (task?.task.doneBy !== 'resident' || task.state === 'not-offered') return false
  await markTaskDone(a.db, {
    subscriberId: a.resident.subscriber.id,
    tenant: a.tenant.slug,
    taskId,
    doneOn: localDate(now, a.tenant.timeZone),
    doneBy: 'resident',
    now,
  }).run()
  return true
}
