import type { D1Database } from '@cloudflare/workers-types'
import type { Task, TaskCount } from '../../shared/contract'
import { type TaskFigureRow, taskFigureQueries } from '../resident/task-figures'

/**
 * The town's figures per task, residents counted once each: offered (a line reached them), done,
 * reminded (a reminder reached them) and done after a reminder (on or after the day of their first
 * one). The snapshot's tasks come first, in its order, then any the records still name. The
 * daily report's per-day counts come from the same queries (resident/task-figures.ts).
 */
export async function taskCountsOf(
  db: D1Database,
  tenant: string,
  tasks: readonly Task[],
): Promise<TaskCount[]> {
  const queries = taskFigureQueries('per-task')
  const [offered, reminded, done] = await db.batch<TaskFigureRow>([
    db.prepare(queries.offered).bind(tenant),
    db.prepare(queries.reminded).bind(tenant),
    db.prepare(queries.done).bind(tenant),
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
  for (const row of offered?.results ?? []) entry(row.taskId).offered = row.n
  for (const row of reminded?.results ?? []) entry(row.taskId).reminded = row.n
  for (const row of done?.results ?? [])
    Object.assign(entry(row.taskId), { done: row.n, doneAfterReminder: row.after ?? 0 })
  return [...counts.values()]
}
