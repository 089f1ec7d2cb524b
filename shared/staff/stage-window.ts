import { addDays, addMonths, type CivilDate } from '../calendar'

/**
 * A stage window as staff name it, in a compact query form: `w28-32` (妊娠28〜32週), `d0-100`
 * (生後0〜100日), `m6-12` (月齢6〜12か月). Both ends are included.
 */
export interface StageWindow {
  unit: 'w' | 'd' | 'm'
  from: number
  to: number
}

/** The longest a window may reach in each unit: past term, past three years of age. */
export const stageWindowLimits = { w: 45, d: 1200, m: 40 } as const

export const stageWindowPattern = /^([wdm])(\d{1,4})-(\d{1,4})$/

/** The window a query names, or null when it is not one (a reversed or too wide range included). */
export function parseStageWindow(text: string): StageWindow | null {
  const match = stageWindowPattern.exec(text)
  if (!match) return null
  const unit = match[1] as StageWindow['unit']
  const from = Number(match[2])
  const to = Number(match[3])
  if (from > to || to > stageWindowLimits[unit]) return null
  return { unit, from, to }
}

/**
 * Which due dates (pregnancy) or birth dates (child) put a household inside the window today, as
 * the stage labels count: 妊娠n週 from 280 − (due − today) days, 生後n日 from the birth, 月齢 in
 * whole months once the day of the month is reached.
 */
export function stageWindowDates(
  window: StageWindow,
  today: CivilDate,
): { column: 'due' | 'birth'; earliest: CivilDate; latest: CivilDate } {
  switch (window.unit) {
    case 'w':
      return {
        column: 'due',
        earliest: addDays(today, 280 - (7 * window.to + 6)),
        latest: addDays(today, 280 - 7 * window.from),
      }
    case 'd':
      return { column: 'birth', earliest: addDays(today, -window.to), latest: addDays(today, -window.from) }
    case 'm':
      return {
        column: 'birth',
        earliest: addDays(addMonths(today, -(window.to + 1)), 1),
        latest: addMonths(today, -window.from),
      }
  }
}

/** The window in words, for the screen: 妊娠28〜32週 / 28–32 weeks pregnant. */
export function stageWindowLabel(window: StageWindow): string {
  const { from, to } = window
  switch (window.unit) {
    case 'w':
      return `妊娠${from}〜${to}週 / ${from}–${to} weeks pregnant`
    case 'd':
      return `生後${from}〜${to}日 / ${from}–${to} days old`
    case 'm':
      return `月齢${from}〜${to}か月 / ${from}–${to} months old`
  }
}
