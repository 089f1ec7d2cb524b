import type { D1Database } from '@cloudflare/workers-types'
import type { TaskDayCount } from '../../shared/contract'
import { type TaskFigureRow, taskFigureQueries } from '../resident/task-figures'
import type { TenantPeriod } from './resident-counts'

/**
 * Each task's residents first offered, first reminded, done and done on or after their first
 * reminder, on each date of the period: summed over any period, the workspace's figures for it
 * (the same queries, resident/task-figures.ts).
 */
export async function taskDayCounts(db: D1Database, period: TenantPeriod): Promise<TaskDayCount[]> {
  const queries = taskFigureQueries('per-day')
  const [offered, reminded, done] = await db.batch<TaskFigureRow & { date: string }>(
    [queries.offered, queries.reminded, queries.done].map((sql) =>
      db.prepare(sql).bind(period.tenant, period.from, period.to),
    ),
  )
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
