import { type CivilDate, type DayNumber, fromDayNumber, toDayNumber } from '../calendar'
import { type Known, knownOf, segmentsOf, type Track } from './known'
import { quietEnd } from './plan-day'
import { type Program, standardProgram } from './program'
import type { TimelineFacts } from './timeline'
import { firstSendIn, lastSendIn } from './track-sends'

/**
 * The first date strictly after `afterDate` with a program delivery, or null when every timeline
 * has ended. Jumps by cadence arithmetic (a handful of steps per timeline), never day by day.
 */
export function nextSendOn(
  timelines: readonly TimelineFacts[],
  afterDate: CivilDate,
  program: Program = standardProgram,
): CivilDate | null {
  return nextKnown(timelines.map(knownOf), toDayNumber(afterDate), program)
}

export function nextKnown(knowns: readonly Known[], after: DayNumber, program: Program): CivilDate | null {
  let best = Number.POSITIVE_INFINITY
  for (let index = 0; index < knowns.length; index++) {
    let lo = after + 1
    for (;;) {
      const send = firstOwnSend(knowns[index]!, lo, program)
      if (send === null || send.day >= best) break
      const end = send.kind === 'loss' ? null : quietEnd(knowns, index, send.day, program)
      if (end === null) {
        best = send.day
        break
      }
      lo = end + 1
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

function firstOwnSend(
  known: Known,
  lo: DayNumber,
  program: Program,
): { day: DayNumber; kind: Track['kind'] } | null {
  for (const { track, start, end } of segmentsOf(known, program)) {
    if (end < lo) continue
    const day = firstSendIn(track, Math.max(lo, start), end, program)
    if (day !== null) return { day, kind: track.kind }
  }
  return null
}
