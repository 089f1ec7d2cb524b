import { addYearsToDate, type CivilDate, type DayNumber, fromDayNumber, toDayNumber } from '../calendar'
import type { ChildPhase } from './phases'

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
 * The child track of one child born (or due) on `birth`: every phase's dates, worked out at once
 * so that they lie side by side in memory (the daily job reads the schedules of thousands of
 * birth dates in no order; reading one should not mean fetching pieces from all over the heap).
 */
export class ChildSchedule {
  private readonly ranges: PhaseRange[]
  constructor(
    readonly phases: readonly ChildPhase[],
    readonly birth: DayNumber,
    birthDate: CivilDate = fromDayNumber(birth),
  ) {
    const birthdays: DayNumber[] = [birth]
    const birthday = (years: number) => (birthdays[years] ??= addYearsToDate(birthDate, years))
    this.ranges = phases.map((phase) => {
      const anchor = birthday(phase.anchorYears)
      const first = anchor + phase.startDay
      const allowed =
        'day' in phase.until ? anchor + phase.until.day : birthday(phase.until.beforeBirthday) - 1
      const last =
        allowed < first ? first - 1 : first + Math.floor((allowed - first) / phase.every) * phase.every
      return { phase, anchor, first, last }
    })
  }

  get length(): number {
    return this.ranges.length
  }

  range(index: number): PhaseRange {
    return this.ranges[index]!
  }
}

// A million residents' children are born on a few thousand dates: each date's schedule is worked
// out once and kept, per program, in a list of PLACES places indexed by the day number modulo
// PLACES — found without hashing; births PLACES days (22 years) apart take turns in one place.
const PLACES = 8192
const schedules = new WeakMap<readonly ChildPhase[], (ChildSchedule | undefined)[]>()
// The daily job runs one program for many residents, and asks about the same child twice in a
// row (today's slot, then the next send date).
let lastPhases: readonly ChildPhase[] | null = null
let lastPlaces: (ChildSchedule | undefined)[] = []
let last: ChildSchedule | null = null

export function childSchedule(
  phases: readonly ChildPhase[],
  birth: DayNumber,
  birthDate: CivilDate,
): ChildSchedule {
  if (last !== null && last.birth === birth && last.phases === phases) return last
  const places = placesOf(phases)
  const place = birth & (PLACES - 1)
  let schedule = places[place]
  if (schedule === undefined || schedule.birth !== birth) {
    schedule = new ChildSchedule(phases, birth, birthDate)
    places[place] = schedule
  }
  last = schedule
  return schedule
}

function placesOf(phases: readonly ChildPhase[]): (ChildSchedule | undefined)[] {
  if (phases === lastPhases) return lastPlaces
  let places = schedules.get(phases)
  if (places === undefined) {
    places = new Array(PLACES)
    schedules.set(phases, places)
  }
  lastPhases = phases
  lastPlaces = places
  return places
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
