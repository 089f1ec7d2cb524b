import type { DashboardData, Row } from './load'
import { nameOf } from './names'
import { type Cell, num, percent, residents, type Section, sum } from './table'

const total = (rows: Row[], field: string) => sum(rows.map((row) => num(row[field])))

/**
 * Per task, over the period: residents it first reached, reminded, who did it, and who did it on
 * or after their first reminder (the figure 日野市 reported) — residents, so 「5未満」 below five.
 */
export function tasksSection(data: DashboardData): Section {
  const rows = data.rows.tasks
  const tasks = [...new Set(rows.map((row) => String(row.taskId)))].sort()
  const shownRate = (part: number, whole: number): Cell =>
    typeof residents(part) === 'number' && typeof residents(whole) === 'number' ? percent(part, whole) : '—'
  return {
    key: 'tasks',
    title: 'やること（リマインド） / Tasks and reminders',
    tables: [
      {
        key: 'task-counts',
        title: 'やることごとの案内・リマインド・完了 / Offered, reminded and done per task',
        note: '期間中に初めて届いた方、リマインドが届いた方、済んだ方（済んだ方には前の期間に案内した方も含みます）。 / Residents it first reached, reminded, and who did it in the period (some offered earlier).',
        columns: [
          'やること / Task',
          '案内 / Offered',
          'リマインド / Reminded',
          '済み / Done',
          'リマインド後に済み / Done after a reminder',
          '済んだ割合 / Share done',
        ],
        rows: tasks.map((task): Cell[] => {
          const of = rows.filter((row) => row.taskId === task)
          const offered = total(of, 'offered')
          const done = total(of, 'done')
          return [
            nameOf(data.names, task),
            residents(offered),
            residents(total(of, 'reminded')),
            residents(done),
            residents(total(of, 'doneAfterReminder')),
            shownRate(done, offered),
          ]
        }),
        chart: [1, 3, 4],
      },
    ],
  }
}
