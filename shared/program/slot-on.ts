import { type CivilDate, toDayNumber } from '../calendar'
import { knownOf, trackOn } from './known'
import { type Program, standardProgram } from './program'
import type { TimelineFacts } from './timeline'
import { sendAt, type TrackSend } from './track-sends'

export type TimelineSlot = TrackSend

/** The slot one timeline sends on one date, from what is known that date; null when it sends nothing. */
export function slotOn(
  timeline: TimelineFacts,
  date: CivilDate,
  program: Program = standardProgram,
): TimelineSlot | null {
  const known = knownOf(timeline)
  const day = toDayNumber(date)
  if (day < known.from) return null
  const track = trackOn(known, day, program)
  return track ? sendAt(track, day, program) : null
}
