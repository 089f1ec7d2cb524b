import type { ResidentStage } from '../../shared/contract'
import type { ProgramWindow } from '../../shared/program'

/**
 * The stage (edge/reports/stage.ts) of a resident in the middle of a survey's or task's window,
 * near enough for the sample: 妊娠前期 to gestational day 97, 中期 to 195; from the birth 0–100
 * days, then by year. Null for a window of no stage (every stage, or after a loss).
 */
export function stageOfWindow(window: ProgramWindow): ResidentStage | null {
  const middle = (from: number, to: number) => (from + to) / 2
  const pregnancy = (gestationalDay: number): ResidentStage =>
    gestationalDay <= 97 ? 'pregnancy-early' : gestationalDay <= 195 ? 'pregnancy-mid' : 'pregnancy-late'
  const child = (days: number): ResidentStage =>
    days <= 100 ? 'day-0-100' : days < 365 ? 'to-1' : days < 730 ? 'to-2' : 'to-3'
  switch (window.unit) {
    case 'pregnancy-week':
      return pregnancy(7 * middle(window.from, window.to) + 3)
    case 'pregnancy-month':
      return pregnancy(28 * (middle(window.from, window.to) - 1) + 14)
    case 'child-day':
      return child(middle(window.from, window.to))
    case 'child-month':
      return child(30.4 * middle(window.from, window.to) + 15)
    default:
      return null
  }
}
