import {
  type CivilDate,
  type DayNumber,
  dayNumberOf,
  daysInMonth,
  fromDayNumber,
  toDayNumber,
} from './civil-date'

const MS_PER_DAY = 86_400_000

/**
 * The same month and day `months` months later, clamped to the month's end:
 * 01-31 + 1 month = 02-28 (or 02-29), and 29 February + 1 year = 28 February in a common year.
 */
export function addMonths(date: CivilDate, months: number): CivilDate {
  return fromDayNumber(addMonthsToDay(toDayNumber(date), months))
}

export function addYears(date: CivilDate, years: number): CivilDate {
  return addMonths(date, years * 12)
}

export function addMonthsToDay(day: DayNumber, months: number): DayNumber {
  const d = new Date(day * MS_PER_DAY)
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + months
  const year = Math.floor(total / 12)
  const month = total - year * 12 + 1
  const dom = d.getUTCDate()
  const clamped = dom > 28 ? Math.min(dom, daysInMonth(year, month)) : dom
  return Date.UTC(year, month - 1, clamped) / MS_PER_DAY
}

/** The day number of `date` + `years` years, read straight from the string: the hot path of the child track. */
export function addYearsToDate(date: CivilDate, years: number): DayNumber {
  const year =
    (date.charCodeAt(0) - 48) * 1000 +
    (date.charCodeAt(1) - 48) * 100 +
    (date.charCodeAt(2) - 48) * 10 +
    (date.charCodeAt(3) - 48) +
    years
  const month = (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48)
  const dom = (date.charCodeAt(8) - 48) * 10 + (date.charCodeAt(9) - 48)
  // Only 29 February can fall outside its month when the month stays the same.
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  return dayNumberOf(year, month, dom === 29 && month === 2 && !leap ? 28 : dom)
}

export function addYearsToDay(day: DayNumber, years: number): DayNumber {
  return addMonthsToDay(day, years * 12)
}

/**
 * 月齢: whole calendar months from `birth` to `date` — the largest m with birth + m months <= date,
 * so a child born on 31 January is 1 month old on 28 February. Negative before the birth.
 */
export function monthsBetween(birth: CivilDate, date: CivilDate): number {
  return monthsBetweenDays(toDayNumber(birth), toDayNumber(date))
}

export function monthsBetweenDays(birth: DayNumber, date: DayNumber): number {
  const b = new Date(birth * MS_PER_DAY)
  const d = new Date(date * MS_PER_DAY)
  let months = (d.getUTCFullYear() - b.getUTCFullYear()) * 12 + d.getUTCMonth() - b.getUTCMonth()
  if (addMonthsToDay(birth, months) > date) months -= 1
  else if (addMonthsToDay(birth, months + 1) <= date) months += 1
  return months
}
