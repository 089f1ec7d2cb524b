import type { Program } from './program'
import { formatSlot, type Slot } from './slot'
import { childRanges, sampleBirths } from './spans'

const cache = new WeakMap<Program, { list: Slot[]; set: Set<Slot> }>()

/**
 * Every slot the program can ever send, in program order — what editors must write and what the
 * coverage view checks. A child slot counts when some birth date reaches it (e.g. infant/364
 * exists only for children whose first year has 365 days before the birthday).
 */
export function allSendSlots(program: Program): Slot[] {
  return slotsOf(program).list
}

export function isProgramSlot(program: Program, slot: Slot): boolean {
  return slotsOf(program).set.has(slot)
}

function slotsOf(program: Program): { list: Slot[]; set: Set<Slot> } {
  let found = cache.get(program)
  if (!found) {
    const list = enumerate(program)
    found = { list, set: new Set(list) }
    cache.set(program, found)
  }
  return found
}

function enumerate(program: Program): Slot[] {
  const { pregnancy, loss } = program
  const slots: Slot[] = []
  for (let g = pregnancy.fromDay; g <= pregnancy.toDay; g += pregnancy.every)
    slots.push(formatSlot(pregnancy.name, g))
  const longest = program.child.map(() => -1)
  for (const birth of sampleBirths()) {
    childRanges(program.child, birth).forEach((range, i) => {
      const offset = range.last - range.anchor
      if (offset > longest[i]!) longest[i] = offset
    })
  }
  program.child.forEach((phase, i) => {
    for (let day = phase.startDay, k = 0; day <= longest[i]!; day += phase.every, k++) {
      slots.push(formatSlot(phase.name, phase.numbering === 'day' ? day : k))
    }
  })
  for (const k of loss.days) slots.push(formatSlot(loss.name, k))
  return slots
}
