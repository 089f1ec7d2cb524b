import { html } from 'hono/html'
import { wording } from '../../shared/languages/wording'
import { taskTextFor } from '../../shared/tasks'
import type { ResidentTask } from '../tasks/open'
import { bi, biInline } from '../web/bilingual'

/** The manage page's confirmation after a tap on 「済みました」. */
export const tasksDone = {
  task: wording(
    '済みにしました。この件のお知らせは、もう届きません。',
    'Marked as done. No more reminders about it.',
  ),
} as const

/** What the resident reads of their tasks: in their language (else the town's fallback), Japanese always there. */
export interface TasksShown {
  tasks: readonly ResidentTask[]
  language: string
  fallbackLanguages: readonly string[]
}

/** How a task not marked by the resident gets done, in place of the button. */
function howDone(task: ResidentTask['task']) {
  if (task.doneBy === 'survey')
    return html`<p>${biInline(
      'お便りのアンケートに答えると、済みになります。',
      'Answering the survey in your message marks it done.',
    )}</p>`
  return html`<p>${biInline(
    '窓口で手続きが済むと、町が記録します。',
    'The town records it once it is done at the desk.',
  )}</p>`
}

/**
 * The tasks a message has offered and that are not done — each with its page, and a button to say
 * it is done where the resident may — then, quietly, those done. Nothing when there is neither.
 */
export function tasksSection(token: string, shown: TasksShown | undefined) {
  const open = shown?.tasks.filter((t) => t.state === 'offered') ?? []
  const done = shown?.tasks.filter((t) => t.state === 'done') ?? []
  if (!shown || (open.length === 0 && done.length === 0)) return ''
  const textOf = (t: ResidentTask) => taskTextFor(t.task, shown.language, shown.fallbackLanguages)
  return html`<section aria-labelledby="tasks-title">
  <h2 id="tasks-title">${biInline('やること', 'To do')}</h2>
  ${
    open.length === 0
      ? html`<p>${bi('いま、やることはありません。', 'Nothing to do now.')}</p>`
      : html`<ul>
    ${open.map((t) => {
      const text = textOf(t)
      return html`<li data-task="${t.task.id}">
      <strong lang="${text.language}">${text.title}</strong>
      <p lang="${text.language}">${text.line}</p>
      ${t.task.url ? html`<p><a href="${t.task.url}">${biInline('手続きのページを開く', 'Open the page to do it')}</a></p>` : ''}
      ${
        t.task.doneBy === 'resident'
          ? html`<form method="post" action="/r/${token}/tasks/done">
        <input type="hidden" name="task" value="${t.task.id}" />
        <button type="submit">${biInline('済みました', 'Done')}</button>
      </form>`
          : howDone(t.task)
      }
    </li>`
    })}
  </ul>`
  }
  ${
    done.length === 0
      ? ''
      : html`<ul class="quiet">
    ${done.map(
      (t) => html`<li data-task="${t.task.id}" data-done>
      <span lang="${textOf(t).language}">${textOf(t).title}</span> — ${biInline(
        '済み（{doneOn}）',
        'Done ({doneOn})',
        {
          doneOn: t.state === 'done' ? t.doneOn : '',
        },
      )}
    </li>`,
    )}
  </ul>`
  }
</section>`
}
