import type { CivilDate, DayNumber } from '../calendar'
import type { Program } from './program'
import { formatSlot, type Slot } from './slot'
import { childSchedule, type PhaseRange } from './spans'

/** Which kind of messages a timeline gets on a day, and what its days count from. */
export type Track =
  | { kind: 'pregnancy'; due: DayNumber }
  | { kind: 'child'; anchor: DayNumber; anchorDate: CivilDate; provisional: boolean }
  | { kind: 'loss'; reported: DayNumber }

export interface TrackSend {
  slot: Slot
  phase: string
  n: number
  track: Track['kind']
  /** The child track is anchored on the due date because no birth is known yet: ask for the birthday. */
  provisional: boolean
}

/** The slot a track sends on a day, or null. */
export function sendAt(track: Track, day: DayNumber, program: Program): TrackSend | null {
  if (track.kind === 'pregnancy') {
    const g = pregnancySlotAt(track.due, day, program)
    return g === null ? null : trackSend(program.pregnancy.name, g, 'pregnancy', false)
  }
  if (track.kind === 'loss') {
    const k = lossSlotAt(track.reported, day, program)
    return k === null ? null : trackSend(program.loss.name, k, 'loss', false)
  }
  const range = childRangeAt(track.anchor, track.anchorDate, day, program)
  return range === null
    ? null
    : trackSend(range.phase.name, childSlotNumber(range, day), 'child', track.provisional)
}

function trackSend(phase: string, n: number, track: Track['kind'], provisional: boolean): TrackSend {
  return { slot: formatSlot(phase, n), phase, n, track, provisional }
}

// Per kind of track, taking the track's fields as arguments and answering with the slot's number:
// the daily job's path builds no Track objects and no objects it does not return.

/** The gestational day a pregnancy sends on a day, or null. */
export function pregnancySlotAt(due: DayNumber, day: DayNumber, program: Program): number | null {
  const { fromDay, toDay, every } = program.pregnancy
  const g = day - due + 280
  return g < fromDay || g > toDay || (g - fromDay) % every !== 0 ? null : g
}

/** The day after the report that a loss sends on a day, or null. */
export function lossSlotAt(reported: DayNumber, day: DayNumber, program: Program): number | null {
  const k = day - reported
  return program.loss.days.includes(k) ? k : null
}

/** The child phase that sends on a day (its slot number is childSlotNumber), or null. */
export function childRangeAt(
  anchor: DayNumber,
  anchorDate: CivilDate,
  day: DayNumber,
  program: Program,
): PhaseRange | null {
  if (day < anchor) return null
  // Phases follow one another (programSchema refuses overlaps), so the first that has not ended decides.
  const schedule = childSchedule(program.child, anchor, anchorDate)
  for (let index = 0; index < schedule.length; index++) {
    const range = schedule.range(index)
    if (day < range.first) return null
    if (day <= range.last && (day - range.first) % range.phase.every === 0) return range
  }
  return null
}

export function childSlotNumber(range: PhaseRange, day: DayNumber): number {
  const { phase } = range
  return phase.numbering === 'day' ? day - range.anchor : (day - range.first) / phase.every
}

/** The first day in [lo, hi] on which a pregnancy sends, found by cadence arithmetic; null when none. */
export function firstPregnancySendIn(
  due: DayNumber,
  lo: DayNumber,
  hi: DayNumber,
  program: Program,
): DayNumber | null {
  if (lo > hi) return null
  const { fromDay, toDay, every } = program.pregnancy
  const g = alignUp(Math.max(lo - due + 280, fromDay), fromDay, every)
  const day = due - 280 + g
  return g <= toDay && day <= hi ? day : null
}

export function firstLossSendIn(
  reported: DayNumber,
  lo: DayNumber,
  hi: DayNumber,
  program: Program,
): DayNumber | null {
  if (lo > hi) return null
  for (const k of program.loss.days) {
    const day = reported + k
    if (day > hi) return null
    if (day >= lo) return day
  }
  return null
}

export function firstChildSendIn(
  anchor: DayNumber,
  anchorDate: CivilDate,
  lo: DayNumber,
  hi: DayNumber,
  program: Program,
): DayNumber | null {
  if (lo > hi) return null
  const schedule = childSchedule(program.child, anchor, anchorDate)
  for (let index = 0; index < schedule.length; index++) {
    const range = schedule.range(index)
    if (range.last < lo) continue
    const day = alignUp(Math.max(lo, range.first), range.first, range.phase.every)
    if (day > hi) return null
    if (day <= range.last) return day
  }
  return null
}

/** The last day in [lo, hi] on which the track sends; null when none. */
export function lastSendIn(track: Track, lo: DayNumber, hi: DayNumber, program: Program): DayNumber | null {
  if (lo > hi) return null
  if (track.kind === 'pregnancy') {
    const { fromDay, toDay, every } = program.pregnancy
    const g = alignDown(Math.min(hi - track.due + 280, toDay), fromDay, every)
    const day = track.due - 280 + g
    return g >= fromDay && day >= lo ? day : null
  }
  if (track.kind === 'loss') {
    for (const k of [...program.loss.days].reverse()) {
      const day = track.reported + k
      if (day < lo) return null
      if (day <= hi) return day
    }
    return null
  }
  const schedule = childSchedule(program.child, track.anchor, track.anchorDate)
  for (let index = schedule.length - 1; index >= 0; index--) {
    const range = schedule.range(index)
    if (range.first > hi) continue
    const day = alignDown(Math.min(hi, range.last), range.first, range.phase.every)
    if (day < lo) return null
    if (day >= range.first) return day
  }
  return null
}

/** The smallest start + k·every (k ≥ 0) that is ≥ value. */
function alignUp(value: number, start: number, every: number): number {
  if (value <= start) return start
  return start + Math.ceil((value - start) / every) * every
}

/** The largest start + k·every that is ≤ value (may fall below start: callers check). */
function alignDown(value: number, start: number, every: number): number {
  return start + Math.floor((value - start) / every) * every
}
