/** The key a message is written for: phase + number, e.g. 'pregnancy/196', 'age1/4', 'loss/7'. */
export type Slot = string

export interface SlotParts {
  phase: string
  n: number
}

const SHAPE = /^([a-z][a-z0-9-]*)\/(0|[1-9]\d{0,4})$/

export function parseSlot(slot: string): SlotParts | null {
  const match = SHAPE.exec(slot)
  if (!match) return null
  return { phase: match[1]!, n: Number(match[2]) }
}

// The daily job names a million sends a day from a few hundred slots: each name is built once
// (slot numbers are 0 … 99,999 by SHAPE; a few hundred phase names at most across tenants).
const REMEMBERED_PHASES = 1000
const named = new Map<string, Slot[]>()

export function formatSlot(phase: string, n: number): Slot {
  let slots = named.get(phase)
  if (slots === undefined) {
    if (named.size >= REMEMBERED_PHASES) named.clear()
    slots = []
    named.set(phase, slots)
  }
  const known = slots[n]
  if (known !== undefined) return known
  const slot = `${phase}/${n}`
  if (Number.isInteger(n) && n >= 0 && n <= 99_999) slots[n] = slot
  return slot
}
