import { type CivilDate, toDayNumber } from '../calendar'
import { type Known, knownOf, sendOnDay } from './known'
import { type Program, standardProgram } from './program'
import type { TimelineFacts } from './timeline'
import type { TrackSend } from './track-sends'

export interface PlannedSlot extends TrackSend {
  /** Index of the timeline in the array given to planDay. */
  timeline: number
}

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
  const knowns = timelines.map(knownOf)
  return planKnown(knowns, day, date, program)
}

export function planKnown(
  knowns: readonly Known[],
  day: number,
  date: CivilDate,
  program: Program,
): DayPlan | null {
  const slots: PlannedSlot[] = []
  for (let index = 0; index < knowns.length; index++) {
    const known = knowns[index]!
    if (day < known.from) continue
    const send = sendOnDay(known, day, program)
    if (!send) continue
    if (send.track !== 'loss' && quietEnd(knowns, index, day, program) !== null) continue
    const { slot, phase, n, track: kind, provisional } = send
    slots.push({ slot, phase, n, track: kind, provisional, timeline: index })
  }
  return slots.length > 0 ? { date, slots } : null
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
