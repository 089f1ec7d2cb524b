import { addYearsToDay, type DayNumber, toDayNumber } from '../calendar'
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

/** The dates of each phase of the child track for a child born (or due) on `birth`. */
export function childRanges(phases: readonly ChildPhase[], birth: DayNumber): PhaseRange[] {
  const birthdays: DayNumber[] = [birth]
  const birthday = (years: number): DayNumber => {
    let day = birthdays[years]
    if (day === undefined) {
      day = addYearsToDay(birth, years)
      birthdays[years] = day
    }
    return day
  }
  return phases.map((phase) => {
    const anchor = birthday(phase.anchorYears)
    const first = anchor + phase.startDay
    const allowed = 'day' in phase.until ? anchor + phase.until.day : birthday(phase.until.beforeBirthday) - 1
    const last =
      allowed < first ? first - 1 : first + Math.floor((allowed - first) / phase.every) * phase.every
    return { phase, anchor, first, last }
  })
}

export function childPhasesOverlap(phases: readonly ChildPhase[]): boolean {
  return sampleBirths().some((birth) => {
    const ranges = childRanges(phases, birth)
    return ranges.some((range, i) => i > 0 && range.first <= ranges[i - 1]!.last)
  })
}
