import type { D1Database } from '@cloudflare/workers-types'
import type { TaskDayCount } from '../../shared/contract'
import type { TenantPeriod } from './resident-counts'

// Per resident and task, as the staff workspace counts it (edge/tasks/counts.ts): the day a line
// first reached them (a failed delivery never did) and the day of their first reminder that did.
const reached = `SELECT o.subscriber_id, o.task_id, min(o.local_date) AS offered_on,
                        min(CASE WHEN o.reminder > 0 THEN o.local_date END) AS first_reminder_on
                 FROM task_offers o JOIN deliveries d ON d.id = o.delivery_id
                 WHERE o.tenant_slug = ?1 AND d.state NOT IN ('failed-permanent', 'failed-transient')
                 GROUP BY o.subscriber_id, o.task_id`

/**
 * Each task's residents first offered, first reminded, done and done on or after their first
 * reminder, on each date of the period: summed over any period, the workspace's figures for it.
 */
export async function taskDayCounts(db: D1Database, period: TenantPeriod): Promise<TaskDayCount[]> {
  const [offered, reminded, done] = await db.batch<{
    date: string
    taskId: string
    n: number
    after?: number
  }>([
    db
      .prepare(
        `SELECT offered_on AS date, task_id AS taskId, count(*) AS n FROM (${reached})
         WHERE offered_on BETWEEN ?2 AND ?3 GROUP BY 1, 2`,
      )
      .bind(period.tenant, period.from, period.to),
    db
      .prepare(
        `SELECT first_reminder_on AS date, task_id AS taskId, count(*) AS n FROM (${reached})
         WHERE first_reminder_on BETWEEN ?2 AND ?3 GROUP BY 1, 2`,
      )
      .bind(period.tenant, period.from, period.to),
    db
      .prepare(
        `SELECT t.done_on AS date, t.task_id AS taskId, count(*) AS n,
                count(CASE WHEN r.first_reminder_on <= t.done_on THEN 1 END) AS after
         FROM task_done t LEFT JOIN (${reached}) r ON r.subscriber_id = t.subscriber_id AND r.task_id = t.task_id
         WHERE t.tenant_slug = ?1 AND t.done_on BETWEEN ?2 AND ?3 GROUP BY 1, 2`,
      )
      .bind(period.tenant, period.from, period.to),
  ])
  const counts = new Map<string, TaskDayCount>()
  const entry = (date: string, taskId: string) => {
    const key = `${date}|${taskId}`
    const found = counts.get(key) ?? {
      date,
      tenant: period.tenant,
      taskId,
      offered: 0,
      reminded: 0,
      done: 0,
      doneAfterReminder: 0,
    }
    counts.set(key, found)
    return found
  }
  for (const row of offered?.results ?? []) entry(row.date, row.taskId).offered = row.n
  for (const row of reminded?.results ?? []) entry(row.date, row.taskId).reminded = row.n
  for (const row of done?.results ?? [])
    Object.assign(entry(row.date, row.taskId), { done: row.n, doneAfterReminder: row.after ?? 0 })
  return [...counts.values()]
}
