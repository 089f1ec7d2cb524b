// Which section a slot's message is about. Daily phases rotate through the week's or month's
// table row and then the topic table; sparser phases cycle more tightly so that every month
// still touches development, care and checkups.

import type { Era, TopicKey } from './language-content'
import { topics } from './languages/ja/topics'
import { childMonthOf, type ParsedSlot } from './slots'

export type SectionKind = 'baby' | 'body' | 'tip' | 'development' | 'care' | 'checkups' | 'topic'

export interface Section {
  kind: SectionKind
  /** Present when kind is 'topic'. */
  topic?: { key: TopicKey; variant: number }
}

export interface Plan {
  track: 'pregnancy' | 'child'
  /** Pregnancy week (4–41) or child month (0–36). */
  row: number
  era: Era
  sections: Section[]
}

const pregnancyWeek: SectionKind[] = ['baby', 'body', 'tip', 'topic', 'topic', 'topic', 'topic']
const newbornWeek: SectionKind[] = ['development', 'care', 'checkups', 'topic', 'topic', 'topic', 'topic']
const sparseCycle: SectionKind[] = ['development', 'topic', 'care', 'topic', 'checkups']
const fortnightCycle: SectionKind[] = ['topic', 'care', 'topic', 'checkups']

/**
 * The k-th topic day of a phase, spread over topics first and variants second. The Japanese
 * primary wording sets the variant count; a language or audience with fewer variants cycles them.
 */
function topicAt(k: number, era: Era): Section {
  const topic = topics[k % topics.length]!
  const variants = topic.texts[era].primary.length
  return { kind: 'topic', topic: { key: topic.key, variant: Math.floor(k / topics.length) % variants } }
}

function section(kind: SectionKind, k: number, era: Era): Section {
  return kind === 'topic' ? topicAt(k, era) : { kind }
}

/** Counts how many of `cycle`'s first `i` entries are topic days. */
function topicsBefore(cycle: SectionKind[], i: number): number {
  return cycle.slice(0, i).filter((kind) => kind === 'topic').length
}

function cyclePick(cycle: SectionKind[], n: number, era: Era): Section {
  const i = n % cycle.length
  const perCycle = topicsBefore(cycle, cycle.length)
  const k = Math.floor(n / cycle.length) * perCycle + topicsBefore(cycle, i)
  return section(cycle[i]!, k, era)
}

export function planFor(slot: ParsedSlot): Plan {
  if (slot.phase === 'pregnancy') {
    const week = Math.floor(slot.n / 7)
    return {
      track: 'pregnancy',
      row: week,
      era: 'pregnancy',
      sections: [cyclePick(pregnancyWeek, slot.n - 28, 'pregnancy')],
    }
  }
  const month = Math.min(36, childMonthOf(slot))
  const era: Era = month < 12 ? 'baby' : 'toddler'
  switch (slot.phase) {
    case 'newborn':
      return { track: 'child', row: month, era, sections: [cyclePick(newbornWeek, slot.n, era)] }
    case 'infant':
      return { track: 'child', row: month, era, sections: [cyclePick(sparseCycle, (slot.n - 103) / 3, era)] }
    case 'age1':
      return { track: 'child', row: month, era, sections: [cyclePick(sparseCycle, slot.n, era)] }
    case 'age2':
      // Twice a month: every message carries the month's development plus one more section.
      return {
        track: 'child',
        row: month,
        era,
        sections: [{ kind: 'development' }, cyclePick(fortnightCycle, slot.n, era)],
      }
    default:
      throw new Error(`No rotation for slot phase "${slot.phase}"`)
  }
}
