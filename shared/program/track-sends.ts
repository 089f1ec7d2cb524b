import type { CivilDate, DayNumber } from '../calendar'
import type { Track } from './known'
import type { Program } from './program'
import { formatSlot, type Slot } from './slot'
import { childSchedule } from './spans'

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
  if (track.kind === 'pregnancy') return pregnancySendAt(track.due, day, program)
  if (track.kind === 'loss') return lossSendAt(track.reported, day, program)
  return childSendAt(track.anchor, track.anchorDate, track.provisional, day, program)
}

// Per kind of track, taking the track's fields as arguments: the daily job's path builds no Track objects.

export function pregnancySendAt(due: DayNumber, day: DayNumber, program: Program): TrackSend | null {
  const { name, fromDay, toDay, every } = program.pregnancy
  const g = day - due + 280
  if (g < fromDay || g > toDay || (g - fromDay) % every !== 0) return null
  return { slot: formatSlot(name, g), phase: name, n: g, track: 'pregnancy', provisional: false }
}

export function lossSendAt(reported: DayNumber, day: DayNumber, program: Program): TrackSend | null {
  const k = day - reported
  if (!program.loss.days.includes(k)) return null
  const { name } = program.loss
  return { slot: formatSlot(name, k), phase: name, n: k, track: 'loss', provisional: false }
}

export function childSendAt(
  anchor: DayNumber,
  anchorDate: CivilDate,
  provisional: boolean,
  day: DayNumber,
  program: Program,
): TrackSend | null {
  if (day < anchor) return null
  // Phases follow one another (programSchema refuses overlaps), so the first that has not ended decides.
  const schedule = childSchedule(program.child, anchor, anchorDate)
  for (let index = 0; index < schedule.length; index++) {
    const range = schedule.range(index)
    if (day < range.first) return null
    if (day > range.last) continue
    const steps = (day - range.first) / range.phase.every
    if (!Number.isInteger(steps)) continue
    const n = range.phase.numbering === 'day' ? day - range.anchor : steps
    const { name } = range.phase
    return { slot: formatSlot(name, n), phase: name, n, track: 'child', provisional }
  }
  return null
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
