import type { D1Database } from '@cloudflare/workers-types'
import type { TaskLineInput } from '../../shared/compose'
import type { Task } from '../../shared/contract'
import { taskTextFor } from '../../shared/tasks'

export interface RecordedTaskOffer {
  deliveryId: string
  subscriberId: string
  tenantSlug: string
  taskId: string
  taskVersion: number
  reminder: number
  localDate: string
}

/** The task line a delivery carried, if it carried one. */
export function taskOfferOfDelivery(db: D1Database, deliveryId: string): Promise<RecordedTaskOffer | null> {
  return db
    .prepare(
      `SELECT delivery_id AS deliveryId, subscriber_id AS subscriberId, tenant_slug AS tenantSlug,
              task_id AS taskId, task_version AS taskVersion, reminder, local_date AS localDate
       FROM task_offers WHERE delivery_id = ?1`,
    )
    .bind(deliveryId)
    .first<RecordedTaskOffer>()
}

/**
 * The task line a delivery carried (`offer`: its stored task offer), rebuilt for its message page
 * from the delivery's manifest; undefined when it carried none or the manifest no longer has the task.
 */
export function recordedTaskLine(
  offer: RecordedTaskOffer | null,
  input: {
    tasks: readonly Task[]
    language: string
    fallbackLanguages: readonly string[]
    /** The survey link the page carries (a task its survey marks done links it). */
    surveyUrl: string | undefined
    /** The "done" link: /k/ with the segment the page itself was opened with. */
    doneUrl: string
  },
): TaskLineInput | undefined {
  const task = offer && input.tasks.find((t) => t.id === offer.taskId)
  if (!offer || !task) return undefined
  const text = taskTextFor(task, input.language, input.fallbackLanguages)
  return {
    line: text.line,
    language: text.language,
    reminder: offer.reminder > 0,
    ...(task.doneBy === 'resident' ? { doneUrl: input.doneUrl } : {}),
    ...(task.doneBy === 'survey' && input.surveyUrl ? { viaSurvey: true } : {}),
    ...(task.url ? { url: task.url } : {}),
  }
}
