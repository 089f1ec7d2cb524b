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

const averageMonth = 30.4375

/**
 * 月齢 of a child-track slot, used only to pick the table row. Day-numbered phases count from
 * birth; the birthday phases count whole months from their birthday, so age1/0 is month 12.
 */
export function childMonthOf(slot: ParsedSlot): number {
  switch (slot.phase) {
    case 'newborn':
    case 'infant':
      return Math.floor(slot.n / averageMonth)
    case 'age1':
      return 12 + Math.floor((7 * slot.n) / averageMonth)
    case 'age2':
      return 24 + Math.floor((14 * slot.n) / averageMonth)
    case 'age3':
      return 36
    default:
      throw new Error(`Slot phase "${slot.phase}" is not on the child track`)
  }
}
