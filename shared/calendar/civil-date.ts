import { z } from 'zod'
import { type Bilingual, BilingualError } from './bilingual'

/** A date on a wall calendar, 'YYYY-MM-DD', with no time and no time zone. */
export type CivilDate = string

/** Days since 1970-01-01: the form all date arithmetic is done in. */
export type DayNumber = number

const MS_PER_DAY = 86_400_000
const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/

export type CivilDateCheck = { ok: true; date: CivilDate } | { ok: false; message: Bilingual }

// Years below 1000 are refused: Date.UTC maps years 0-99 onto 1900-1999, and no resident needs them.
export function checkCivilDate(text: string): CivilDateCheck {
  const match = SHAPE.exec(text)
  if (!match) return { ok: false, message: malformed(text) }
  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, message: impossible(text) }
  }
  return { ok: true, date: text }
}

export function isCivilDate(text: unknown): text is CivilDate {
  return typeof text === 'string' && checkCivilDate(text).ok
}

/** Returns the date unchanged, or throws a BilingualError saying what is wrong with it. */
export function parseCivilDate(text: string): CivilDate {
  const check = checkCivilDate(text)
  if (!check.ok) throw new BilingualError(check.message)
  return check.date
}

export const civilDateSchema = z.string().refine(isCivilDate, {
  message: '実在する日付を YYYY-MM-DD で指定してください / Give a real date as YYYY-MM-DD',
})

/** Day numbers 0 … 99,999 are 1970 … 2243: every date a resident has; their texts are remembered. */
const REMEMBERED = 100_000
// Made to its full length at once: filled from index ~20,000 on, an empty list would turn into a
// hash table and every look-up into hashing.
const dateTexts: (CivilDate | undefined)[] = new Array(REMEMBERED)

// Read straight from the characters with integer arithmetic (days from the proleptic Gregorian
// epoch, 400-year eras): the daily job converts a few dates per resident, a million times.
export function toDayNumber(date: CivilDate): DayNumber {
  const year =
    (date.charCodeAt(0) - 48) * 1000 +
    (date.charCodeAt(1) - 48) * 100 +
    (date.charCodeAt(2) - 48) * 10 +
    (date.charCodeAt(3) - 48)
  const month = (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48)
  const day = (date.charCodeAt(8) - 48) * 10 + (date.charCodeAt(9) - 48)
  return dayNumberOf(year, month, day)
}

/** Days since 1970-01-01 of a valid year (≥ 1000, so every quotient below is of positive numbers), month and day. */
export function dayNumberOf(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year
  const era = (y / 400) | 0
  const yearOfEra = y - era * 400
  const dayOfYear = (((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) | 0) + day - 1
  const dayOfEra = yearOfEra * 365 + ((yearOfEra / 4) | 0) - ((yearOfEra / 100) | 0) + dayOfYear
  return era * 146_097 + dayOfEra - 719_468
}

// Built from the UTC fields rather than toISOString(), which costs several times more.
export function fromDayNumber(day: DayNumber): CivilDate {
  const known = dateTexts[day]
  if (known !== undefined) return known
  const text = computeDateText(day)
  // Day numbers 0 … 99,999 are 1970 … 2243: every date a resident has.
  if (day >= 0 && day < REMEMBERED && Number.isInteger(day)) dateTexts[day] = text
  return text
}

function computeDateText(day: DayNumber): CivilDate {
  const date = new Date(day * MS_PER_DAY)
  const month = date.getUTCMonth() + 1
  const dom = date.getUTCDate()
  return `${date.getUTCFullYear()}-${month < 10 ? '0' : ''}${month}-${dom < 10 ? '0' : ''}${dom}`
}

export function addDays(date: CivilDate, days: number): CivilDate {
  return fromDayNumber(toDayNumber(date) + days)
}

/** later - earlier, in days (negative when `later` is the earlier date). */
export function daysBetween(earlier: CivilDate, later: CivilDate): number {
  return toDayNumber(later) - toDayNumber(earlier)
}

export function compareDates(a: CivilDate, b: CivilDate): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function malformed(text: string): Bilingual {
  return {
    ja: `日付は YYYY-MM-DD の形で指定してください（「${text}」）`,
    en: `a date must be written YYYY-MM-DD ("${text}")`,
  }
}

function impossible(text: string): Bilingual {
  return {
    ja: `${text} は実在しない日付です`,
    en: `${text} is not a real date`,
  }
}
