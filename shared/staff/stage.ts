import { type CivilDate, toDayNumber } from '../calendar'
import type { HouseholdStage } from '../contract/staff'

export interface TimelineDates {
  dueDate: string | null
  birthDate: string | null
  lossDate: string | null
  endedOn: string | null
}

/** Which stage a timeline is in; the order matters: a loss or an end outranks the dates. */
export function householdStage(t: TimelineDates): HouseholdStage {
  if (t.lossDate) return 'loss'
  if (t.endedOn) return 'ended'
  if (t.birthDate) return 'child'
  return 'pregnancy'
}

/** Whole months from `from` to `to` (月齢), counting a month only once its day is reached. */
function wholeMonths(from: CivilDate, to: CivilDate): number {
  const [y1, m1, d1] = from.split('-').map(Number) as [number, number, number]
  const [y2, m2, d2] = to.split('-').map(Number) as [number, number, number]
  return (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0)
}

/**
 * The stage in the units a town's staff count in: 妊娠n週n日 and 妊娠nか月 (weeks 0–3 are the first
 * month), 生後n日 and 月齢 after birth.
 */
export function stageLabel(t: TimelineDates, today: CivilDate): { stage: HouseholdStage; label: string } {
  const stage = householdStage(t)
  if (stage === 'loss') return { stage, label: '喪失のご報告あり / Loss reported' }
  if (stage === 'ended') return { stage, label: '終了 / Ended' }
  if (stage === 'child' && t.birthDate) {
    const days = toDayNumber(today) - toDayNumber(t.birthDate)
    const months = Math.max(0, wholeMonths(t.birthDate, today))
    return { stage, label: `生後${days}日（月齢${months}か月） / Day ${days} (${months} months old)` }
  }
  if (!t.dueDate) return { stage, label: '妊娠中 / Pregnant' }
  const day = 280 - (toDayNumber(t.dueDate) - toDayNumber(today))
  const weeks = Math.floor(day / 7)
  const month = Math.floor(weeks / 4) + 1
  return {
    stage,
    label: `妊娠${weeks}週${day % 7}日（${month}か月） / ${weeks}w${day % 7}d pregnant (month ${month})`,
  }
}
