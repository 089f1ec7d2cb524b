import { type CivilDate, monthsBetweenDays, toDayNumber } from '../calendar'
import { knownOf, trackOn } from './known'
import { type Program, standardProgram } from './program'
import type { TimelineFacts } from './timeline'

/** Where a timeline stands on a date, in the units windows are written in. */
export type DayContext =
  | { track: 'none' }
  | { track: 'pregnancy'; gestationalDay: number }
  | { track: 'child'; childDay: number; childMonths: number; provisional: boolean }
  | { track: 'loss'; lossDay: number }

/**
 * The gestational day, child day and 月齢 of a date, from what is known that date (a provisional
 * child track counts from the due date). Registration and the timeline's end are not considered:
 * this says where the family is, not whether anything is sent.
 */
export function slotContext(
  timeline: TimelineFacts,
  date: CivilDate,
  program: Program = standardProgram,
): DayContext {
  const day = toDayNumber(date)
  const track = trackOn(knownOf(timeline), day, program)
  if (!track) return { track: 'none' }
  if (track.kind === 'pregnancy') return { track: 'pregnancy', gestationalDay: day - track.due + 280 }
  if (track.kind === 'loss') return { track: 'loss', lossDay: day - track.reported }
  return {
    track: 'child',
    childDay: day - track.anchor,
    childMonths: monthsBetweenDays(track.anchor, day),
    provisional: track.provisional,
  }
}
