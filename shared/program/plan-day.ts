import { type CivilDate, toDayNumber } from '../calendar'
import { type Known, knownsOf } from './known'
import { type PlannedSlot, plannedSlot } from './planned-slot'
import { type Program, standardProgram } from './program'
import type { TimelineFacts } from './timeline'

/** The day's one program delivery: every timeline's slot bundled together. */
export interface DayPlan {
  date: CivilDate
  slots: PlannedSlot[]
}

/**
 * At most one delivery a day, bundling every timeline's slot. While any timeline is in its quiet
 * period (loss reported on R, days R … R + quietDays), no other timeline's cheerful slot is sent on
 * any day of that period — not only on the days a loss message goes out — so a bereaved resident
 * never receives a sibling's or a new pregnancy's milestone in those weeks.
 */
export function planDay(
  timelines: readonly TimelineFacts[],
  date: CivilDate,
  program: Program = standardProgram,
): DayPlan | null {
  const day = toDayNumber(date)
  const knowns = knownsOf(timelines, day)
  return planKnown(knowns, day, date, program)
}

export function planKnown(
  knowns: readonly Known[],
  day: number,
  date: CivilDate,
  program: Program,
): DayPlan | null {
  // Most days bring no delivery or one slot: the list is made when there is something to send, to
  // fit (an empty list grown by push reserves room for 17).
  let plan: DayPlan | null = null
  for (let index = 0; index < knowns.length; index++) {
    const known = knowns[index]!
    if (day < known.from) continue
    const slot = plannedSlot(known, index, day, program)
    if (slot === null) continue
    if (slot.track !== 'loss' && quietEnd(knowns, index, day, program) !== null) continue
    if (plan === null) plan = { date, slots: [slot] }
    else plan.slots.push(slot)
  }
  return plan
}

/** The last day of the latest quiet period, of a timeline other than `self`, that covers `day`; null if none. */
export function quietEnd(
  knowns: readonly Known[],
  self: number,
  day: number,
  program: Program,
): number | null {
  let end: number | null = null
  for (let index = 0; index < knowns.length; index++) {
    const known = knowns[index]!
    const last = known.lossKnown + program.loss.quietDays
    if (index !== self && known.lossKnown <= day && day <= last && (end === null || last > end)) end = last
  }
  return end
}
