import { TZDate } from '@date-fns/tz'
import { BilingualError } from './bilingual'
import type { CivilDate } from './civil-date'

// The one place a time zone is touched: an instant becomes a tenant's local date or time.

export function localDate(instant: Date | number, timeZone: string): CivilDate {
  const local = inZone(instant, timeZone)
  return `${pad(local.getFullYear(), 4)}-${pad(local.getMonth() + 1, 2)}-${pad(local.getDate(), 2)}`
}

/** 'HH:MM' on the tenant's wall clock, comparable as a string with a send time like '09:00'. */
export function localTime(instant: Date | number, timeZone: string): string {
  const local = inZone(instant, timeZone)
  return `${pad(local.getHours(), 2)}:${pad(local.getMinutes(), 2)}`
}

function inZone(instant: Date | number, timeZone: string): TZDate {
  const local = new TZDate(typeof instant === 'number' ? instant : instant.getTime(), timeZone)
  if (Number.isNaN(local.getTime()) || Number.isNaN(local.getFullYear())) {
    throw new BilingualError({
      ja: `タイムゾーン「${timeZone}」または日時が正しくありません`,
      en: `unknown time zone "${timeZone}" or invalid instant`,
    })
  }
  return local
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0')
}
