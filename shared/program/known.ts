import { type CivilDate, type DayNumber, toDayNumber } from '../calendar'
import type { Program } from './program'
import type { TimelineFacts } from './timeline'
import { firstChildSendIn, firstLossSendIn, firstPregnancySendIn, type Track } from './track-sends'

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
  return readKnown(facts, blankKnown(), Number.NEGATIVE_INFINITY)
}

function blankKnown(): Known {
  return { from: 0, due: null, dueDate: null, birth: null, birthDate: null, birthKnown: 0, lossKnown: 0 }
}

/**
 * Fills `into` with a timeline's facts as day numbers, overwriting every field. From `since` on,
 * once a birth is known the due date no longer matters (every later day follows the child track
 * from the birth), so it is left out (null) rather than read.
 */
function readKnown(facts: TimelineFacts, into: Known, since: DayNumber): Known {
  const { due, birth, loss } = facts
  into.from = toDayNumber(facts.from)
  if (!birth) {
    into.birth = null
    into.birthDate = null
    into.birthKnown = Number.POSITIVE_INFINITY
  } else {
    const birthDay = toDayNumber(birth.date)
    into.birth = birthDay
    into.birthDate = birth.date
    into.birthKnown = reportDay(birth, birthDay)
  }
  const dueMatters = due && into.birthKnown > since
  into.due = dueMatters ? toDayNumber(due) : null
  into.dueDate = dueMatters ? due : null
  into.lossKnown = loss ? reportDay(loss, toDayNumber(loss.date)) : Number.POSITIVE_INFINITY
  return into
}

// The daily job decides for a million residents one after another, each in one synchronous call
// that keeps nothing of its Known records: it reads every resident's timelines into the same
// records rather than build new ones (one list per number of timelines).
const reused: Known[][] = []

/**
 * The timelines' facts as day numbers, as far as they matter on and after day `since`, in records
 * that the next call overwrites: for a caller that is done with them before it returns, and
 * returns nothing that refers to them.
 */
export function knownsOf(timelines: readonly TimelineFacts[], since: DayNumber): readonly Known[] {
  const count = timelines.length
  let knowns = reused[count]
  if (knowns === undefined) {
    knowns = Array.from({ length: count }, blankKnown)
    reused[count] = knowns
  }
  for (let index = 0; index < count; index++) readKnown(timelines[index]!, knowns[index]!, since)
  return knowns
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
  const segments: Segment[] = []
  walkSegments(known, program, segments, collect)
  return segments
}

/** The first day on or after `lo` on which the timeline sends anything; null when none. */
export function firstSendFrom(known: Known, lo: DayNumber, program: Program): DayNumber | null {
  return walkSegments(known, program, lo, firstIn)
}

/**
 * Visits the stretches of days from registration on, in order, with the track's fields as
 * arguments (no objects on the daily job's path); stops at the first day a visit returns.
 */
type Visit<A> = (
  kind: Track['kind'],
  anchor: DayNumber,
  anchorDate: CivilDate | null,
  provisional: boolean,
  start: DayNumber,
  end: DayNumber,
  arg: A,
  program: Program,
) => DayNumber | null

function walkSegments<A>(known: Known, program: Program, arg: A, visit: Visit<A>): DayNumber | null {
  const { due, dueDate, birth, birthDate, birthKnown, lossKnown, from } = known
  const beforeBirth = Math.min(birthKnown, lossKnown) - 1
  let day: DayNumber | null = null
  if (due !== null) {
    const pregnancyEnd = due - 280 + program.pregnancy.toDay
    const end = Math.min(pregnancyEnd, beforeBirth)
    if (from <= end) day = visit('pregnancy', due, dueDate, false, from, end, arg, program)
    const start = Math.max(pregnancyEnd + 1, from)
    if (day === null && start <= beforeBirth)
      day = visit('child', due, dueDate, true, start, beforeBirth, arg, program)
  }
  if (day === null && birth !== null) {
    const start = Math.max(birthKnown, from)
    if (start <= lossKnown - 1)
      day = visit('child', birth, birthDate, false, start, lossKnown - 1, arg, program)
  }
  if (day === null && Number.isFinite(lossKnown)) {
    const start = Math.max(lossKnown, from)
    day = visit('loss', lossKnown, null, false, start, Number.POSITIVE_INFINITY, arg, program)
  }
  return day
}

const collect: Visit<Segment[]> = (kind, anchor, anchorDate, provisional, start, end, segments) => {
  const track: Track =
    kind === 'pregnancy'
      ? { kind, due: anchor }
      : kind === 'loss'
        ? { kind, reported: anchor }
        : { kind, anchor, anchorDate: anchorDate!, provisional }
  segments.push({ track, start, end })
  return null
}

const firstIn: Visit<DayNumber> = (kind, anchor, anchorDate, _provisional, start, end, lo, program) => {
  const from = Math.max(lo, start)
  if (kind === 'pregnancy') return firstPregnancySendIn(anchor, from, end, program)
  if (kind === 'loss') return firstLossSendIn(anchor, from, end, program)
  return firstChildSendIn(anchor, anchorDate!, from, end, program)
}
