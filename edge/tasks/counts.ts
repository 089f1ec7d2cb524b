import type { D1Database } from '@cloudflare/workers-types'
import type { Task, TaskCount } from '../../shared/contract'

/**
 * Per resident and task: whether a line reached them (a failed delivery never did), and the day of
 * their first reminder, if one reached them. Read through task_offers_tenant.
 */
export const reached = `SELECT o.subscriber_id, o.task_id,
                        min(CASE WHEN o.reminder > 0 THEN o.local_date END) AS first_reminder_on
                 FROM task_offers o JOIN deliveries d ON d.id = o.delivery_id
                 WHERE o.tenant_slug = ?1 AND d.state NOT IN ('failed-permanent', 'failed-transient')
                 GROUP BY o.subscriber_id, o.task_id`

/**
 * The town's figures per task, residents counted once each: offered (a line reached them), done,
 * reminded (a reminder reached them) and done after a reminder (on or after the day of their first
 * one). The snapshot's tasks come first, in its order, then any the records still name.
 */
export async function taskCountsOf(
  db: D1Database,
  tenant: string,
  tasks: readonly Task[],
): Promise<TaskCount[]> {
  const [offers, done] = await db.batch<{
    taskId: string
    offered?: number
    reminded?: number
    done?: number
    doneAfterReminder?: number
  }>([
    db
      .prepare(
        `SELECT task_id AS taskId, count(*) AS offered, count(first_reminder_on) AS reminded
         FROM (${reached}) GROUP BY task_id`,
      )
      .bind(tenant),
    db
      .prepare(
        `SELECT t.task_id AS taskId, count(*) AS done,
                count(CASE WHEN r.first_reminder_on <= t.done_on THEN 1 END) AS doneAfterReminder
         FROM task_done t LEFT JOIN (${reached}) r ON r.subscriber_id = t.subscriber_id AND r.task_id = t.task_id
         WHERE t.tenant_slug = ?1 GROUP BY t.task_id`,
      )
      .bind(tenant),
  ])
  const counts = new Map<string, TaskCount>()
  const entry = (id: string) => {
    const found = counts.get(id) ?? {
      id,
      title: null,
      offered: 0,
      done: 0,
      reminded: 0,
      doneAfterReminder: 0,
    }
    counts.set(id, found)
    return found
  }
  for (const task of tasks) {
    const found = entry(task.id)
    found.title ??= (task.texts.find((t) => t.language === 'ja') ?? task.texts[0])?.title ?? null
  }
  for (const row of offers?.results ?? [])
    Object.assign(entry(row.taskId), { offered: row.offered ?? 0, reminded: row.reminded ?? 0 })
  for (const row of done?.results ?? [])
    Object.assign(entry(row.taskId), { done: row.done ?? 0, doneAfterReminder: row.doneAfterReminder ?? 0 })
  return [...counts.values()]
}
