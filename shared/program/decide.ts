import { type CivilDate, toDayNumber } from '../calendar'
import { knownsOf } from './known'
import { nextKnown } from './next-send'
import { type DayPlan, planKnown } from './plan-day'
import { type Program, standardProgram } from './program'
import type { TimelineFacts } from './timeline'

/** What the daily job needs for one resident: today's delivery and the next send date after it. */
export interface DayDecision {
  plan: DayPlan | null
  nextSendOn: CivilDate | null
}

/** planDay and nextSendOn together, reading the timelines once. */
export function decideDay(
  timelines: readonly TimelineFacts[],
  date: CivilDate,
  program: Program = standardProgram,
): DayDecision {
  const knowns = knownsOf(timelines)
  const day = toDayNumber(date)
  return { plan: planKnown(knowns, day, date, program), nextSendOn: nextKnown(knowns, day, program) }
}
