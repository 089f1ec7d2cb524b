import { type CivilDate, type DayNumber, toDayNumber } from '../calendar'
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
  const day = dayOf(date)
  const knowns = knownsOf(timelines, day)
  return { plan: planKnown(knowns, day, date, program), nextSendOn: nextKnown(knowns, day, program) }
}

// The daily job decides for every resident on the same date: it is read once.
let lastDate: CivilDate | null = null
let lastDay: DayNumber = 0

function dayOf(date: CivilDate): DayNumber {
  if (date !== lastDate) {
    lastDay = toDayNumber(date)
    lastDate = date
  }
  return lastDay
}
