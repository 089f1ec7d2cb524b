import { type CivilDate, type DayNumber, toDayNumber } from '../calendar'
import type { Program } from './program'
import type { TimelineFacts } from './timeline'

/** A timeline's facts as day numbers; an event not (yet) reported is known from +Infinity. */
export interface Known {
  from: DayNumber
  due: DayNumber | null
  dueDate: CivilDate | null
  birth: DayNumber | null
  birthDate: CivilDate | null
  birthKnown: DayNumber
  lossKnown: DayNumber
}

export function knownOf(facts: TimelineFacts): Known {
  const { birth, loss } = facts
  const birthDay = birth ? toDayNumber(birth.date) : null
  return {
    from: toDayNumber(facts.from),
    due: facts.due ? toDayNumber(facts.due) : null,
    dueDate: facts.due ?? null,
    birth: birthDay,
    birthDate: birth?.date ?? null,
    birthKnown: birth ? reportDay(birth, birthDay!) : Number.POSITIVE_INFINITY,
    lossKnown: loss ? reportDay(loss, toDayNumber(loss.date)) : Number.POSITIVE_INFINITY,
  }
}

function reportDay(event: { date: string; reportedOn?: string }, eventDay: DayNumber): DayNumber {
  const { reportedOn } = event
  return reportedOn === undefined || reportedOn === event.date ? eventDay : toDayNumber(reportedOn)
}

/**
 * What the plan follows on a day, from what is known that day: the loss once reported; else the
 * child track from the reported birth; else pregnancy to its last day and then the child track
 * anchored, provisionally, on the due date.
 */
export type Track =
  | { kind: 'pregnancy'; due: DayNumber }
  | { kind: 'child'; anchor: DayNumber; anchorDate: CivilDate; provisional: boolean }
  | { kind: 'loss'; reported: DayNumber }

export function trackOn(known: Known, day: DayNumber, program: Program): Track | null {
  if (day >= known.lossKnown) return { kind: 'loss', reported: known.lossKnown }
  if (known.birth !== null && day >= known.birthKnown)
    return { kind: 'child', anchor: known.birth, anchorDate: known.birthDate!, provisional: false }
  if (known.due === null) return null
  if (day - known.due + 280 <= program.pregnancy.toDay) return { kind: 'pregnancy', due: known.due }
  return { kind: 'child', anchor: known.due, anchorDate: known.dueDate!, provisional: true }
}

/** A stretch of days, inclusive, over which one track is followed. */
export interface Segment {
  track: Track
  start: DayNumber
  end: DayNumber
}

/** The same answer as trackOn, as the ordered stretches of days from registration on. */
export function segmentsOf(known: Known, program: Program): Segment[] {
  const { due, dueDate, birth, birthDate, birthKnown, lossKnown, from } = known
  const segments: Segment[] = []
  const beforeBirth = Math.min(birthKnown, lossKnown) - 1
  if (due !== null) {
    const pregnancyEnd = due - 280 + program.pregnancy.toDay
    addSegment(segments, { kind: 'pregnancy', due }, from, Math.min(pregnancyEnd, beforeBirth), from)
    addSegment(
      segments,
      { kind: 'child', anchor: due, anchorDate: dueDate!, provisional: true },
      pregnancyEnd + 1,
      beforeBirth,
      from,
    )
  }
  if (birth !== null) {
    addSegment(
      segments,
      { kind: 'child', anchor: birth, anchorDate: birthDate!, provisional: false },
      birthKnown,
      lossKnown - 1,
      from,
    )
  }
  if (Number.isFinite(lossKnown)) {
    addSegment(segments, { kind: 'loss', reported: lossKnown }, lossKnown, Number.POSITIVE_INFINITY, from)
  }
  return segments
}

function addSegment(
  segments: Segment[],
  track: Track,
  start: DayNumber,
  end: DayNumber,
  from: DayNumber,
): void {
  const clipped = Math.max(start, from)
  if (clipped <= end) segments.push({ track, start: clipped, end })
}
