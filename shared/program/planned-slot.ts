import type { CivilDate, DayNumber } from '../calendar'
import type { Known } from './known'
import type { Program } from './program'
import { formatSlot } from './slot'
import { childRangeAt, childSlotNumber, lossSlotAt, pregnancySlotAt, type TrackSend } from './track-sends'

export interface PlannedSlot extends TrackSend {
  /** Index of the timeline in the array given to planDay. */
  timeline: number
}

/**
 * The slot a timeline sends on a day, as trackOn + sendAt decide, building only the slot it
 * returns (no Track, no TrackSend to copy): the daily job's path.
 */
export function plannedSlot(
  known: Known,
  timeline: number,
  day: DayNumber,
  program: Program,
): PlannedSlot | null {
  if (day >= known.lossKnown) {
    const k = lossSlotAt(known.lossKnown, day, program)
    return k === null ? null : planned(program.loss.name, k, 'loss', false, timeline)
  }
  if (known.birth !== null && day >= known.birthKnown)
    return childSlot(known.birth, known.birthDate!, false, timeline, day, program)
  if (known.due === null) return null
  if (day - known.due + 280 > program.pregnancy.toDay)
    return childSlot(known.due, known.dueDate!, true, timeline, day, program)
  const g = pregnancySlotAt(known.due, day, program)
  return g === null ? null : planned(program.pregnancy.name, g, 'pregnancy', false, timeline)
}

function childSlot(
  anchor: DayNumber,
  anchorDate: CivilDate,
  provisional: boolean,
  timeline: number,
  day: DayNumber,
  program: Program,
): PlannedSlot | null {
  const range = childRangeAt(anchor, anchorDate, day, program)
  if (range === null) return null
  return planned(range.phase.name, childSlotNumber(range, day), 'child', provisional, timeline)
}

function planned(
  phase: string,
  n: number,
  track: PlannedSlot['track'],
  provisional: boolean,
  timeline: number,
): PlannedSlot {
  return { slot: formatSlot(phase, n), phase, n, track, provisional, timeline }
}
