// The queries behind a task's figures, for the staff workspace (edge/tasks/counts.ts: all time)
// and the daily report (edge/reports/task-counts.ts: per day), so that a period's daily counts
// always sum to the workspace's and the two cannot drift apart. ?1 is the tenant; per day, ?2 and
// ?3 bound the period.

/**
 * Per resident and task: the day a line first reached them (a failed delivery never did) and the
 * day of their first reminder that did. Read through task_offers_tenant.
 */
export const reached = `SELECT o.subscriber_id, o.task_id, min(o.local_date) AS offered_on,
                        min(CASE WHEN o.reminder > 0 THEN o.local_date END) AS first_reminder_on
                 FROM task_offers o JOIN deliveries d ON d.id = o.delivery_id
                 WHERE o.tenant_slug = ?1 AND d.state NOT IN ('failed-permanent', 'failed-transient')
                 GROUP BY o.subscriber_id, o.task_id`

/** All time, per task; or per task and the day each resident counts on, within the period. */
export type TaskFigureShape = 'per-task' | 'per-day'

/**
 * Rows of `taskId` (and `date`, per day) and `n`: residents a task's line reached (`offered`), its
 * first reminder reached (`reminded`), who did it (`done`, with `after`: on or after the day of
 * their first reminder). Each resident counts once in each, on its own day.
 */
export function taskFigureQueries(shape: TaskFigureShape) {
  const on = (day: string) =>
    shape === 'per-day'
      ? { date: `${day} AS date, `, within: `AND ${day} BETWEEN ?2 AND ?3`, group: '1, 2' }
      : { date: '', within: '', group: '1' }
  const offered = on('offered_on')
  const reminded = on('first_reminder_on')
  const done = on('t.done_on')
  return {
    offered: `SELECT ${offered.date}task_id AS taskId, count(*) AS n FROM (${reached})
              WHERE offered_on IS NOT NULL ${offered.within} GROUP BY ${offered.group}`,
    reminded: `SELECT ${reminded.date}task_id AS taskId, count(*) AS n FROM (${reached})
               WHERE first_reminder_on IS NOT NULL ${reminded.within} GROUP BY ${reminded.group}`,
    done: `SELECT ${done.date}t.task_id AS taskId, count(*) AS n,
                  count(CASE WHEN r.first_reminder_on <= t.done_on THEN 1 END) AS after
           FROM task_done t LEFT JOIN (${reached}) r ON r.subscriber_id = t.subscriber_id AND r.task_id = t.task_id
           WHERE t.tenant_slug = ?1 ${done.within} GROUP BY ${done.group}`,
  }
}

export interface TaskFigureRow {
  taskId: string
  date?: string
  n: number
  after?: number
}
