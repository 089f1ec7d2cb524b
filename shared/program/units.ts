import { type CivilDate, daysBetween, monthsBetween } from '../calendar'

export type Lang = 'ja' | 'en'

/** 妊娠日数: 280 − (due date − date); 280 is the due date itself (40w0d). */
export function gestationalDay(due: CivilDate, date: CivilDate): number {
  return 280 - daysBetween(date, due)
}

/** 生後日数: 0 on the birth day. */
export function childDay(birth: CivilDate, date: CivilDate): number {
  return daysBetween(birth, date)
}

/** 月齢 in whole calendar months (see monthsBetween for month ends). */
export function childMonths(birth: CivilDate, date: CivilDate): number {
  return monthsBetween(birth, date)
}

export function pregnancyWeek(gestationalDay: number): { weeks: number; days: number } {
  return { weeks: Math.floor(gestationalDay / 7), days: gestationalDay % 7 }
}

/** 妊娠nか月, the Japanese 4-week month: month n = weeks 4(n−1) … 4n−1. */
export function pregnancyMonth(gestationalDay: number): number {
  return Math.floor(gestationalDay / 28) + 1
}

export function pregnancyWeekLabel(gestationalDay: number, lang: Lang): string {
  const { weeks, days } = pregnancyWeek(gestationalDay)
  return lang === 'ja'
    ? `妊娠${weeks}週${days}日`
    : `${plural(weeks, 'week')} ${plural(days, 'day')} pregnant`
}

export function pregnancyMonthLabel(month: number, lang: Lang): string {
  return lang === 'ja' ? `妊娠${month}か月` : `month ${month} of pregnancy`
}

export function childDayLabel(day: number, lang: Lang): string {
  return lang === 'ja' ? `生後${day}日` : `day ${day} after birth`
}

/** 5か月, 1歳6か月 / 5 months, 1 year 6 months. */
export function childMonthsLabel(months: number, lang: Lang): string {
  const years = Math.floor(months / 12)
  const rest = months % 12
  if (lang === 'ja') return years === 0 ? `${rest}か月` : `${years}歳${rest}か月`
  return years === 0 ? plural(rest, 'month') : `${plural(years, 'year')} ${plural(rest, 'month')}`
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`
}
