// Where a slot sits in its phase, to pick its table row. Which slots exist is the engine's
// business: the generator takes `allSendSlots(standardProgram)` from shared/program.

export type Phase = 'pregnancy' | 'newborn' | 'infant' | 'age1' | 'age2' | 'age3' | 'loss'

export interface ParsedSlot {
  phase: Phase
  n: number
}

export function parseSlot(key: string): ParsedSlot {
  const match = /^(pregnancy|newborn|infant|age1|age2|age3|loss)\/(\d+)$/.exec(key)
  if (!match) throw new Error(`Unknown slot "${key}": expected phase/number, e.g. pregnancy/196`)
  return { phase: match[1] as Phase, n: Number(match[2]) }
}

/**
 * Approximate child day of a child-track slot (生後n日), used only to pick the table row.
 * 1st birthday ≈ day 365, 2nd ≈ 730, 3rd ≈ 1095.
 */
export function childDayOf(slot: ParsedSlot): number {
  switch (slot.phase) {
    case 'newborn':
    case 'infant':
      return slot.n
    case 'age1':
      return 365 + 7 * slot.n
    case 'age2':
      return 730 + 14 * slot.n
    case 'age3':
      return 1095
    default:
      throw new Error(`Slot phase "${slot.phase}" is not on the child track`)
  }
}

/** 月齢 in whole months from a child day (average month length). */
export function childMonthOf(childDay: number): number {
  return Math.floor(childDay / 30.4375)
}
