import { addDays, type CivilDate } from '../calendar'
import { languageChain } from '../compose/select'
import type { Audience, Task, TaskText } from '../contract'
import { type DayContext, windowContains } from '../program'

/** What a resident has had of one task so far: its lines that reached them, and whether it is done. */
export interface TaskHistory {
  /** Task lines delivered: the first offer and every reminder. */
  offers: number
  firstOfferedOn: CivilDate
  lastOfferedOn: CivilDate
  done: boolean
}

/** The task line of one delivery: `reminder` 0 is the first offer, 1… the reminders. */
export interface TaskLine {
  task: Task
  text: TaskText
  reminder: number
}

export interface TaskDayQuery {
  /** The tenant's tasks first, then the national ones: the order breaks ties. */
  tasks: readonly Task[]
  /** The day's context on each planned timeline. */
  contexts: readonly DayContext[]
  audience: Audience
  language: string
  fallbackLanguages: readonly string[]
  date: CivilDate
  /** By task id; a task never offered is absent. */
  history: ReadonlyMap<string, TaskHistory>
}

/** The task's text in the first language of the reader's chain it has (Japanese is always there). */
export function taskTextFor(task: Task, language: string, fallbackLanguages: readonly string[]): TaskText {
  for (const candidate of languageChain(language, fallbackLanguages)) {
    const text = task.texts.find((t) => t.language === candidate)
    if (text) return text
  }
  return task.texts[0] as TaskText
}

/**
 * At most one task line a delivery, so a message stays short: a task whose window the resident has
 * just entered comes first, otherwise the first reminder that is due — due on the first message on
 * or after the listed day, so a resident with a message every few days is still reminded, once.
 * Nothing on a day of loss; nothing once done.
 */
export function taskForDay(query: TaskDayQuery): TaskLine | null {
  if (query.contexts.some((c) => c.track === 'loss')) return null
  const forThem = query.tasks.filter((t) => t.audiences.includes(query.audience))
  const line = (task: Task, reminder: number): TaskLine => ({
    task,
    text: taskTextFor(task, query.language, query.fallbackLanguages),
    reminder,
  })
  const opening = forThem.find(
    (t) => !query.history.has(t.id) && query.contexts.some((context) => windowContains(t.window, context)),
  )
  if (opening) return line(opening, 0)
  for (const task of forThem) {
    const seen = query.history.get(task.id)
    if (!seen || seen.done || seen.offers === 0) continue
    const remindersSent = seen.offers - 1
    const after = task.remindAfterDays[remindersSent]
    if (after === undefined) continue
    const dueOn = addDays(seen.firstOfferedOn, after)
    if (query.date >= dueOn && seen.lastOfferedOn < dueOn) return line(task, seen.offers)
  }
  return null
}
