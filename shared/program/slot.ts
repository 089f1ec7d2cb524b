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

export function formatSlot(phase: string, n: number): Slot {
  return `${phase}/${n}`
}
