import { addDays, addYears, type CivilDate, daysBetween, toDayNumber } from '../../shared/calendar'
import { type ResidentStage, residentStages } from '../../shared/contract'

/** What a timeline row says about one pregnancy or child. */
export interface StageFacts {
  due: CivilDate | null
  birth: CivilDate | null
  loss: CivilDate | null
  ended: CivilDate | null
}

/**
 * The stage of one timeline on `date`: 妊娠前期 to 13w6d (gestational day 97), 中期 to 27w6d
 * (195), 後期 after; from the birth 0–100 days, then up to the 1st, 2nd and 3rd birthdays. Null
 * before it began, after a loss or its end, and from the 3rd birthday on.
 */
export function stageOn(facts: StageFacts, date: CivilDate): ResidentStage | null {
  if ((facts.loss && facts.loss <= date) || (facts.ended && facts.ended <= date)) return null
  if (facts.birth && facts.birth <= date) {
    if (daysBetween(facts.birth, date) <= 100) return 'day-0-100'
    for (const [years, stage] of [
      [1, 'to-1'],
      [2, 'to-2'],
      [3, 'to-3'],
    ] as const)
      if (toDayNumber(date) < toDayNumber(addYears(facts.birth, years))) return stage
    return null
  }
  if (!facts.due) return null
  const gestationalDay = 280 - daysBetween(date, facts.due)
  if (gestationalDay <= 97) return 'pregnancy-early'
  if (gestationalDay <= 195) return 'pregnancy-mid'
  return 'pregnancy-late'
}

/** A resident's stage on `date`: that of their youngest timeline still running (a pregnancy before a child). */
export function youngestStage(timelines: readonly StageFacts[], date: CivilDate): ResidentStage | null {
  let best: ResidentStage | null = null
  for (const facts of timelines) {
    const stage = stageOn(facts, date)
    if (stage && (best === null || residentStages.indexOf(stage) < residentStages.indexOf(best))) best = stage
  }
  return best
}

/** The dates from `from` to `to`, inclusive. */
export function datesOf(from: CivilDate, to: CivilDate): CivilDate[] {
  const dates: CivilDate[] = []
  for (let d = from; d <= to; d = addDays(d, 1)) dates.push(d)
  return dates
}
