import type { TaskHistory } from '../../shared/tasks/choose'

/** By subscriber, by task id. */
export type TaskHistoryBySubscriber = Map<string, Map<string, TaskHistory>>

/**
 * What a subscriber has had of each task before `date` — the task lines that went out (a delivery
 * that failed never reached them) and whether it is done — as two columns of a query over
 * subscribers (`subscriber`: the column naming the subscriber, `date`: the parameter holding the
 * day), so a batch reads it with the subscribers' own rows: a subscriber with none costs no row
 * read. Today's own offer is left out, so a retried delivery decides again exactly as it first did.
 */
export function taskHistoryColumns(subscriber: string, date: string): string {
  return `(SELECT json_group_array(json_array(task_id, offers, first_offered_on, last_offered_on))
           FROM (SELECT o.task_id, count(*) AS offers, min(o.local_date) AS first_offered_on,
                        max(o.local_date) AS last_offered_on
                 FROM task_offers o JOIN deliveries d ON d.id = o.delivery_id
                 WHERE o.subscriber_id = ${subscriber} AND o.local_date < ${date}
                   AND d.state NOT IN ('failed-permanent', 'failed-transient')
                 GROUP BY o.task_id)) AS taskOffers,
          (SELECT json_group_array(t.task_id) FROM task_done t WHERE t.subscriber_id = ${subscriber}) AS tasksDone`
}

/** One subscriber's history from the columns of taskHistoryColumns. */
export function taskHistoryOf(
  columns: { taskOffers: string; tasksDone: string },
  date: string,
): Map<string, TaskHistory> {
  const byTask = new Map<string, TaskHistory>()
  const offers = JSON.parse(columns.taskOffers) as [string, number, string, string][]
  for (const [taskId, count, firstOfferedOn, lastOfferedOn] of offers)
    byTask.set(taskId, { offers: count, firstOfferedOn, lastOfferedOn, done: false })
  for (const taskId of JSON.parse(columns.tasksDone) as string[]) {
    const seen = byTask.get(taskId) ?? { offers: 0, firstOfferedOn: date, lastOfferedOn: date, done: false }
    seen.done = true
    byTask.set(taskId, seen)
  }
  return byTask
}
