import type { CivilDate } from '../calendar'
import { type LocalEntryPriority, localEntryPriorities } from '../contract'

/** What one day's message shows of the town's open entries, and what rests that day. */
export interface DayEntries<E> {
  shown: E[]
  resting: E[]
}

// FNV-1a: a stable spread of residents over the rotation; not a secret, not a security boundary.
function spread(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash
}

function dayNumber(date: CivilDate): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000)
}

/**
 * At most `limit` entries for a resident's day, chosen without remembering what was shown: whole
 * priority tiers first (high, normal, low); in the first tier that does not fit, a window of the
 * room left slides along the tier by that room each day, starting from a place spread by the
 * resident, so every entry comes round every ⌈tier ÷ room⌉ days and neighbours see different ones.
 */
export function chooseDayEntries<E extends { id: string; priority: LocalEntryPriority }>(
  open: readonly E[],
  limit: number,
  resident: string,
  date: CivilDate,
): DayEntries<E> {
  const shown: E[] = []
  const resting: E[] = []
  for (const priority of localEntryPriorities) {
    const tier = open
      .filter((e) => e.priority === priority)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    const room = limit - shown.length
    if (tier.length <= room) {
      shown.push(...tier)
      continue
    }
    if (room <= 0) {
      resting.push(...tier)
      continue
    }
    const start = (spread(resident) + dayNumber(date) * room) % tier.length
    const picked = new Set(Array.from({ length: room }, (_, i) => (start + i) % tier.length))
    for (const [i, entry] of tier.entries()) (picked.has(i) ? shown : resting).push(entry)
  }
  return { shown, resting }
}
