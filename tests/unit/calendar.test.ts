import { describe, expect, it } from 'vitest'
import {
  addDays,
  addMonths,
  addYears,
  addYearsToDate,
  checkCivilDate,
  daysBetween,
  fromDayNumber,
  isCivilDate,
  localDate,
  localTime,
  monthsBetween,
  parseCivilDate,
  toDayNumber,
} from '../../shared/calendar'

describe('civil dates', () => {
  it('rejects impossible dates with a Japanese then English message', () => {
    const check = checkCivilDate('2026-02-30')
    expect(check).toEqual({
      ok: false,
      message: { ja: '2026-02-30 は実在しない日付です', en: '2026-02-30 is not a real date' },
    })
    expect(() => parseCivilDate('2026-02-30')).toThrow(
      '2026-02-30 は実在しない日付です / 2026-02-30 is not a real date',
    )
  })

  it.each([
    '2026-13-01',
    '2026-04-31',
    '2027-02-29',
    '2026-00-10',
    '2026-1-5',
    '26-01-05',
    '2026-01-05T00:00',
    '',
  ])('rejects %j', (text) => expect(isCivilDate(text)).toBe(false))

  it.each(['2028-02-29', '2000-02-29', '2026-12-31', '2026-01-01'])('accepts %s', (text) =>
    expect(isCivilDate(text)).toBe(true),
  )

  it('counts days across month, year and leap-day boundaries', () => {
    expect(toDayNumber('1970-01-01')).toBe(0)
    expect(fromDayNumber(toDayNumber('2028-02-29'))).toBe('2028-02-29')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01')
    expect(daysBetween('2026-11-23', '2027-03-01')).toBe(98)
    expect(daysBetween('2027-03-01', '2026-11-23')).toBe(-98)
  })

  it('agrees with the JavaScript Date on every day from 1900 to 2300, both ways', () => {
    for (let ms = Date.UTC(1900, 0, 1); ms <= Date.UTC(2300, 11, 31); ms += 86_400_000) {
      const text = new Date(ms).toISOString().slice(0, 10)
      const day = ms / 86_400_000
      if (toDayNumber(text) !== day) expect(`${text} → ${toDayNumber(text)}`).toBe(`${text} → ${day}`)
      if (fromDayNumber(day) !== text) expect(fromDayNumber(day)).toBe(text)
    }
  })

  it('adds years from the text exactly as adding twelve months a year does', () => {
    for (let day = toDayNumber('2020-01-01'); day <= toDayNumber('2032-12-31'); day++) {
      const date = fromDayNumber(day)
      for (const years of [1, 2, 3, 4]) {
        const expected = addYears(date, years)
        if (fromDayNumber(addYearsToDate(date, years)) !== expected)
          expect(`${date} + ${years}y = ${fromDayNumber(addYearsToDate(date, years))}`).toBe(
            `${date} + ${years}y = ${expected}`,
          )
      }
    }
  })

  it('adds years: 29 February becomes 28 February in common years, and comes back in leap years', () => {
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28')
    expect(addYears('2028-02-29', 3)).toBe('2031-02-28')
    expect(addYears('2028-02-29', 4)).toBe('2032-02-29')
    expect(addYears('2027-03-01', 1)).toBe('2028-03-01')
    expect(fromDayNumber(addYearsToDate('2028-02-29', 1))).toBe('2029-02-28')
    expect(fromDayNumber(addYearsToDate('2028-02-29', 4))).toBe('2032-02-29')
    expect(fromDayNumber(addYearsToDate('2026-12-31', 2))).toBe('2028-12-31')
  })

  it('adds months clamped to the end of the month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28')
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29')
    expect(addMonths('2026-08-31', 1)).toBe('2026-09-30')
    expect(addMonths('2026-11-15', 2)).toBe('2027-01-15')
  })

  it('counts 月齢 in whole calendar months', () => {
    expect(monthsBetween('2026-01-15', '2026-02-14')).toBe(0)
    expect(monthsBetween('2026-01-15', '2026-02-15')).toBe(1)
    expect(monthsBetween('2026-01-31', '2026-02-27')).toBe(0)
    expect(monthsBetween('2026-01-31', '2026-02-28')).toBe(1)
    expect(monthsBetween('2025-06-10', '2026-12-10')).toBe(18)
    expect(monthsBetween('2025-06-10', '2026-12-09')).toBe(17)
    expect(monthsBetween('2028-02-29', '2029-02-28')).toBe(12)
  })
})

describe('local date and time in a tenant time zone', () => {
  it('is already the next day in Tokyo at 15:30 UTC', () => {
    const instant = Date.UTC(2026, 11, 31, 15, 30)
    expect(localDate(instant, 'Asia/Tokyo')).toBe('2027-01-01')
    expect(localTime(instant, 'Asia/Tokyo')).toBe('00:30')
    expect(localDate(new Date(instant), 'UTC')).toBe('2026-12-31')
  })

  it('follows daylight saving time where there is one', () => {
    expect(localTime(Date.UTC(2026, 6, 1, 12, 0), 'America/New_York')).toBe('08:00')
    expect(localTime(Date.UTC(2026, 0, 1, 12, 0), 'America/New_York')).toBe('07:00')
  })

  it('refuses an unknown time zone with a bilingual message', () => {
    expect(() => localDate(0, 'Mars/Olympus')).toThrow(/タイムゾーン.*unknown time zone/)
  })
})
