import { addYearsToDate, type CivilDate, type DayNumber, fromDayNumber, toDayNumber } from '../calendar'
import type { ChildPhase } from './program'

// How long a child phase lasts depends on the birth date (365- or 366-day years, 29 February).
// Every case occurs among births in one four-year cycle containing a leap day, so questions about
// "any birth date" are answered by trying each of them.
const CYCLE_START = toDayNumber('2023-03-01')
const CYCLE_DAYS = 1461

export function sampleBirths(): DayNumber[] {
  return Array.from({ length: CYCLE_DAYS }, (_, i) => CYCLE_START + i)
}

export interface PhaseRange {
  phase: ChildPhase
  /** The birthday the phase counts from. */
  anchor: DayNumber
  /** First send. */
  first: DayNumber
  /** Last send (not merely the last allowed day). */
  last: DayNumber
}

/**
 * The child track of one child born (or due) on `birth`, worked out phase by phase only as far as
 * a question needs: a newborn's slot needs no birthday at all.
 */
export class ChildSchedule {
  private readonly ranges: PhaseRange[] = []
  private readonly birthdays: DayNumber[]
  constructor(
    readonly phases: readonly ChildPhase[],
    readonly birth: DayNumber,
    private readonly birthDate: CivilDate = fromDayNumber(birth),
  ) {
    this.birthdays = [birth]
  }

  get length(): number {
    return this.phases.length
  }

  range(index: number): PhaseRange {
    let range = this.ranges[index]
    if (range === undefined) {
      const phase = this.phases[index]!
      const anchor = this.birthday(phase.anchorYears)
      const first = anchor + phase.startDay
      const allowed =
        'day' in phase.until ? anchor + phase.until.day : this.birthday(phase.until.beforeBirthday) - 1
      const last =
        allowed < first ? first - 1 : first + Math.floor((allowed - first) / phase.every) * phase.every
      range = { phase, anchor, first, last }
      this.ranges[index] = range
    }
    return range
  }

  private birthday(years: number): DayNumber {
    let day = this.birthdays[years]
    if (day === undefined) {
      day = addYearsToDate(this.birthDate, years)
      this.birthdays[years] = day
    }
    return day
  }
}

// A million residents' children are born on a few thousand dates: each date's schedule is worked
// out once and kept, within a bound, per program.
const REMEMBERED = 8192
const schedules = new WeakMap<readonly ChildPhase[], Map<DayNumber, ChildSchedule>>()
let last: ChildSchedule | null = null

export function childSchedule(
  phases: readonly ChildPhase[],
  birth: DayNumber,
  birthDate: CivilDate,
): ChildSchedule {
  // The daily job asks about the same child twice in a row (today's slot, then the next send date).
  if (last !== null && last.birth === birth && last.phases === phases) return last
  let known = schedules.get(phases)
  if (known === undefined) {
    known = new Map()
    schedules.set(phases, known)
  }
  let schedule = known.get(birth)
  if (schedule === undefined) {
    if (known.size >= REMEMBERED) known.clear()
    schedule = new ChildSchedule(phases, birth, birthDate)
    known.set(birth, schedule)
  }
  last = schedule
  return schedule
}

/** Every phase's dates for a child born (or due) on `birth`. */
export function childRanges(phases: readonly ChildPhase[], birth: DayNumber): PhaseRange[] {
  const schedule = new ChildSchedule(phases, birth)
  return phases.map((_, index) => schedule.range(index))
}

export function childPhasesOverlap(phases: readonly ChildPhase[]): boolean {
  return sampleBirths().some((birth) => {
    const ranges = childRanges(phases, birth)
    return ranges.some((range, i) => i > 0 && range.first <= ranges[i - 1]!.last)
  })
}
