import type { Payload } from 'payload'
import type { FamilyTask } from '../../../shared/contract'
import { shortDate } from './labels'
import { MarkTaskDone } from './MarkTaskDone'
import { cell, table } from './styles'
import { askFamilyTasks } from './tasks'

const stateWords: Record<FamilyTask['state'], string> = {
  'not-offered': '次のお便りでお知らせ / Offered with the next message',
  offered: 'お知らせ済み・未完了 / Offered, not done',
  done: '完了 / Done',
}

const doneWhoWords: Record<NonNullable<FamilyTask['doneWho']>, string> = {
  resident: 'ご本人から / by the resident',
  survey: 'アンケートの回答 / by the survey',
  staff: '職員が記録 / by staff',
}

function Row({ task, member, endpoint }: { task: FamilyTask; member: string; endpoint: string }) {
  return (
    <tr data-task={task.id}>
      <td style={cell}>
        <strong>{task.title}</strong>
        <div>{task.line}</div>
      </td>
      <td style={cell}>{stateWords[task.state]}</td>
      <td style={cell}>
        {task.firstOfferedOn ? shortDate(task.firstOfferedOn) : '—'}
        {task.reminders > 0 ? `（リマインド ${task.reminders}回 / ${task.reminders} reminders）` : ''}
      </td>
      <td style={cell}>
        {task.state === 'done' ? (
          `${task.doneOn ? shortDate(task.doneOn) : ''} ${task.doneWho ? doneWhoWords[task.doneWho] : ''}`
        ) : (
          <MarkTaskDone endpoint={endpoint} member={member} task={task.id} />
        )}
      </td>
    </tr>
  )
}

/**
 * Each member's tasks — offered, reminded, done and by whom — with 「記録する」 for staff to mark one
 * done (a birth report taken at the counter). Read from the Worker at request time; for the family page.
 */
export async function TasksPanel({
  payload,
  user,
  tenant,
  household,
}: {
  payload: Payload
  user: unknown
  tenant: string
  household: string
}) {
  const answer = await askFamilyTasks(payload, user, { tenant, household })
  const title = <h2 id="family-tasks">やること / Tasks</h2>
  if (!answer.ok)
    return (
      <section aria-labelledby="family-tasks">
        {title}
        <p role="alert">やることを読み込めませんでした / Could not load the tasks: {answer.reason}</p>
      </section>
    )
  const endpoint = `${payload.config.routes.api}/workspace/families/${encodeURIComponent(household)}/tasks/done?tenant=${encodeURIComponent(tenant)}`
  const withTasks = answer.data.members.filter((m) => m.tasks.length > 0)
  return (
    <section aria-labelledby="family-tasks">
      {title}
      {withTasks.length === 0 ? (
        <p>いま、この家族のやることはありません / No tasks for this family now</p>
      ) : null}
      {withTasks.map((m) => (
        <div key={m.member} data-member={m.member}>
          <h3>{m.nickname}</h3>
          <table style={table}>
            <thead>
              <tr>
                <th style={cell}>やること / Task</th>
                <th style={cell}>状態 / State</th>
                <th style={cell}>初回のお知らせ / First offered</th>
                <th style={cell}>完了 / Done</th>
              </tr>
            </thead>
            <tbody>
              {m.tasks.map((t) => (
                <Row key={t.id} task={t} member={m.member} endpoint={endpoint} />
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  )
}
