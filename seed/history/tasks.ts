import type { Task, TaskDayCount } from '../../shared/contract'
import { type DayFlow, eachOffered } from './day-flow'
import { binomial } from './draw'

/** What the sample needs of a published task (cms/publish/tasks.ts). */
export type SampleTask = Pick<Task, 'id' | 'window' | 'audiences' | 'doneBy' | 'remindAfterDays'>

/**
 * Of the residents a task reaches, those who mark it done before its first reminder, and of the
 * others, those who do after one. A survey's task is done by answering it, about as often as the
 * survey is answered (survey-answers.ts); a form at the town hall is done by most.
 */
const doneRate: Record<Task['doneBy'], { before: number; after: number }> = {
  resident: { before: 0.55, after: 0.6 },
  survey: { before: 0.3, after: 0.25 },
  staff: { before: 0.7, after: 0.5 },
}

/**
 * A day's counts of one town for each task: residents reaching its window (as many as pass any one
 * stage a day, for each audience it is for), reminded when not yet done, done before or after.
 */
export function taskCountsOf(input: DayFlow & { tasks: readonly SampleTask[] }): TaskDayCount[] {
  const { tenant, date, random } = input
  return eachOffered(input, input.tasks, {
    share: () => 1,
    count: (task, offered) => {
      const rate = doneRate[task.doneBy]
      const doneBefore = binomial(random, offered, rate.before)
      const reminded = task.remindAfterDays.length > 0 ? binomial(random, offered - doneBefore, 0.97) : 0
      const doneAfterReminder = binomial(random, reminded, rate.after)
      return {
        date,
        tenant,
        taskId: task.id,
        offered,
        reminded,
        done: doneBefore + doneAfterReminder,
        doneAfterReminder,
      }
    },
  })
}
