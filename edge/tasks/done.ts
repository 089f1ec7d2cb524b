import type { D1Database, D1PreparedStatement } from '@cloudflare/workers-types'
import type { TaskDoneBy } from '../../shared/contract'

export interface TaskDoneMark {
  subscriberId: string
  tenant: string
  taskId: string
  /** The tenant's local date: the day it is counted on, and from which no reminder follows. */
  doneOn: string
  doneBy: TaskDoneBy
  now: Date
}

/** Marks a task done; marking it again (a second tap, staff after the resident) keeps the first. */
export function markTaskDone(db: D1Database, mark: TaskDoneMark): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO task_done (subscriber_id, task_id, tenant_slug, done_on, done_by, created_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (subscriber_id, task_id) DO NOTHING`,
    )
    .bind(mark.subscriberId, mark.taskId, mark.tenant, mark.doneOn, mark.doneBy, mark.now.toISOString())
}
