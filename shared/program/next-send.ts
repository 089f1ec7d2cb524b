import { type CivilDate, type DayNumber, fromDayNumber, toDayNumber } from '../calendar'
import { firstSendFrom, type Known, knownOf, knownsOf, segmentsOf } from './known'
import { quietEnd } from './plan-day'
import { type Program, standardProgram } from './program'
import type { TimelineFacts } from './timeline'
import { lastSendIn } from './track-sends'

/**
 * The first date strictly after `afterDate` with a program delivery, or null when every timeline
 * has ended. Jumps by cadence arithmetic (a handful of steps per timeline), never day by day.
 */
export function nextSendOn(
  timelines: readonly TimelineFacts[],
  afterDate: CivilDate,
  program: Program = standardProgram,
): CivilDate | null {
  const after = toDayNumber(afterDate)
  return nextKnown(knownsOf(timelines, after), after, program)
}

export function nextKnown(knowns: readonly Known[], after: DayNumber, program: Program): CivilDate | null {
  let best = Number.POSITIVE_INFINITY
  for (let index = 0; index < knowns.length; index++) {
    let lo = after + 1
    for (;;) {
      const known = knowns[index]!
      const day = firstSendFrom(known, lo, program)
      if (day === null || day >= best) break
      // Loss messages are sent in anyone's quiet period; every other send waits it out.
      const end = day >= known.lossKnown ? null : quietEnd(knowns, index, day, program)
      if (end === null) {
        best = day
        break
      }
      // Its own loss, reported inside that quiet period, sends from its report on regardless.
      lo = Math.min(end + 1, known.lossKnown)
    }
  }
  return Number.isFinite(best) ? fromDayNumber(best) : null
}

/** The last date this timeline sends anything, given all its facts; null when it never sends. */
export function timelineEndsOn(
  timeline: TimelineFacts,
  program: Program = standardProgram,
): CivilDate | null {
  const segments = segmentsOf(knownOf(timeline), program)
  for (let i = segments.length - 1; i >= 0; i--) {
    const { track, start, end } = segments[i]!
    const day = lastSendIn(track, start, end, program)
    if (day !== null) return fromDayNumber(day)
  }
  return null
}
