import { type ComposeInput, dayEntriesOf, openOnDay } from './compose-day'

/**
 * What a day's composition depends on besides the resident's nickname and their links' values:
 * two inputs with the same key compose to the same delivery but for those. It holds everything
 * composeDay reads of the resident (audience, language, each slot and its context, the entries
 * their id turns up, the survey and task lines, which links exist), not the tenant and index,
 * which a batch shares. Null for a delivery that tells a new nurse: that day is the resident's own.
 */
export function composeKey(input: ComposeInput): string | null {
  if (input.nurseChanges !== undefined) return null
  const { subscriber, plan, date, surveyLine, taskLine, links } = input
  const { contexts, open } = openOnDay(input)
  const day = dayEntriesOf(input, open)
  return JSON.stringify([
    subscriber.audience,
    subscriber.language,
    date,
    plan.slots,
    contexts,
    day.shown.map((entry) => entry.id),
    surveyLine ?? null,
    links.surveyUrl !== undefined,
    taskLine ? { ...taskLine, doneUrl: taskLine.doneUrl !== undefined } : null,
  ])
}
