import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays } from '../../shared/calendar'
import { blocksToText, chooseDayEntries, composeDay, entryIn, programOf } from '../../shared/compose'
import { untranslatedEntry } from '../../shared/compose/entry-words'
import { type LocalSupportEntry, type TenantPart, tenantPart } from '../../shared/contract'
import { wordIn } from '../../shared/languages/wording'
import { planDay, type TimelineFacts } from '../../shared/program'
import { fixtureIndex, links, sakura } from './compose-support'

// A message carries a few of the town's notices, not all of them: the town's cap, high priority
// first, the rest taking turns by day — computed, never remembered.

type Item = { id: string; priority: LocalSupportEntry['priority'] }
const item = (id: string, priority: Item['priority'] = 'normal'): Item => ({ id, priority })
const ids = (items: readonly Item[]) => items.map((i) => i.id).sort()

describe('chooseDayEntries', () => {
  const open = [
    item('nurse', 'high'),
    item('hotline', 'high'),
    ...['a', 'b', 'c', 'd', 'e'].map((id) => item(id)),
  ]

  it('shows everything when it fits, and rests nothing', () => {
    const day = chooseDayEntries(open.slice(0, 3), 3, 'resident-1', '2026-12-07')
    expect(ids(day.shown)).toEqual(['hotline', 'nurse', 'a'].sort())
    expect(day.resting).toEqual([])
  })

  it('keeps the high ones every day and turns the rest so each comes round within ⌈5 ÷ 1⌉ days', () => {
    const seen = new Map<string, number>()
    for (let d = 0; d < 5; d++) {
      const day = chooseDayEntries(open, 3, 'resident-1', addDays('2026-12-07', d))
      expect(
        day.shown
          .map((i) => i.id)
          .slice(0, 2)
          .sort(),
      ).toEqual(['hotline', 'nurse'])
      expect(day.shown).toHaveLength(3)
      for (const i of day.shown.slice(2)) seen.set(i.id, (seen.get(i.id) ?? 0) + 1)
    }
    expect([...seen.keys()].sort()).toEqual(['a', 'b', 'c', 'd', 'e'])
    expect([...seen.values()]).toEqual([1, 1, 1, 1, 1])
  })

  it('is the same for the same resident and day (the message page shows what was sent)', () => {
    const first = chooseDayEntries(open, 3, 'resident-1', '2026-12-07')
    expect(chooseDayEntries([...open].reverse(), 3, 'resident-1', '2026-12-07')).toEqual(first)
  })

  it('spreads residents: not everyone gets the same notice on the same day', () => {
    const picks = new Set(
      Array.from(
        { length: 20 },
        (_, n) => chooseDayEntries(open, 3, `resident-${n}`, '2026-12-07').shown[2]?.id,
      ),
    )
    expect(picks.size).toBeGreaterThan(1)
  })

  it('never shows more than the cap, never one twice, and loses none (shown + resting = open)', () => {
    const priority = fc.constantFrom<Item['priority']>('high', 'normal', 'low')
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 6 }), priority }), {
          selector: (i) => i.id,
          maxLength: 15,
        }),
        fc.integer({ min: 1, max: 10 }),
        fc.string(),
        fc.integer({ min: 0, max: 3000 }),
        (items, limit, resident, offset) => {
          const day = chooseDayEntries(items, limit, resident, addDays('2026-01-01', offset))
          expect(day.shown.length).toBe(Math.min(limit, items.length))
          expect(new Set(day.shown.map((i) => i.id)).size).toBe(day.shown.length)
          expect(ids([...day.shown, ...day.resting])).toEqual(ids(items))
          const rank = { high: 0, normal: 1, low: 2 }
          const worstShown = Math.max(-1, ...day.shown.map((i) => rank[i.priority]))
          const bestResting = Math.min(3, ...day.resting.map((i) => rank[i.priority]))
          expect(worstShown).toBeLessThanOrEqual(bestResting)
        },
      ),
    )
  })
})

describe('a day’s message and the town’s cap', () => {
  const date = '2026-11-23'
  const pregnant: TimelineFacts = { from: '2026-06-01', due: addDays(date, 84) } // 妊娠28週0日
  const checkup = sakura.localEntries[0]!
  const many = (cap: number): TenantPart =>
    tenantPart.parse({
      ...sakura,
      tenant: { ...sakura.tenant, entriesPerMessage: cap },
      localEntries: ['a', 'b', 'c', 'd'].map((id) => ({
        ...checkup,
        id: `entry-${id}`,
        title: `お知らせ ${id}`,
      })),
    })
  const compose = (tenant: TenantPart, id: string) => {
    const plan = planDay([pregnant], date, programOf(tenant.tenant))
    if (!plan) throw new Error('no plan')
    const outcome = composeDay({
      tenant,
      index: fixtureIndex,
      subscriber: { id, nickname: 'ハナ', audience: 'primary', language: 'ja' },
      timelines: [pregnant],
      plan,
      date,
      links,
    })
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems))
    return outcome.value
  }

  it('carries at most the town’s number, and names the ones resting for the preview', () => {
    const composition = compose(many(2), 'resident-1')
    expect(composition.entries).toHaveLength(2)
    expect(composition.entriesResting).toHaveLength(2)
    const all = [...composition.entries, ...composition.entriesResting].map((e) => e.id).sort()
    expect(all).toEqual(['entry-a', 'entry-b', 'entry-c', 'entry-d'])
  })

  it('carries them all when the cap leaves room', () => {
    expect(compose(many(5), 'resident-1').entries).toHaveLength(4)
  })
})

describe('an entry in the reader’s language', () => {
  const checkup = sakura.localEntries[0]!
  const translated: LocalSupportEntry = {
    ...checkup,
    translations: [
      {
        language: 'vi',
        title: 'Buổi gặp tháng thứ 8',
        body: { v: 1, blocks: [{ t: 'p', c: [{ t: 'text', v: 'Hẹn qua điện thoại.' }] }] },
      },
      {
        language: 'en',
        title: 'Month-8 interview',
        body: { v: 1, blocks: [{ t: 'p', c: [{ t: 'text', v: 'Book by phone.' }] }] },
      },
    ],
  }

  it('is the reader’s own translation when there is one', () => {
    expect(entryIn(translated, 'vi', ['ja'])).toMatchObject({
      language: 'vi',
      title: 'Buổi gặp tháng thứ 8',
      untranslated: false,
    })
  })

  it('follows the reader’s fallback (English for Nepali) before the original', () => {
    expect(entryIn(translated, 'ne', ['ja'])).toMatchObject({ language: 'en', untranslated: false })
  })

  it('is the Japanese, marked untranslated, when nothing nearer exists — but not for plain-Japanese readers', () => {
    expect(entryIn(checkup, 'vi', ['ja'])).toMatchObject({
      language: 'ja',
      title: checkup.title,
      untranslated: true,
    })
    expect(entryIn(checkup, 'ja-x-easy', ['ja']).untranslated).toBe(false)
    expect(entryIn(checkup, 'ja', ['ja']).untranslated).toBe(false)
  })

  it('reaches a Vietnamese reader’s message with a note in front of the Japanese', () => {
    const tenant = tenantPart.parse({
      ...sakura,
      tenant: { ...sakura.tenant, languages: { offered: ['ja', 'vi'], fallback: ['ja'] } },
    })
    const date = '2026-11-23'
    const pregnant: TimelineFacts = { from: '2026-06-01', due: addDays(date, 84) }
    const plan = planDay([pregnant], date, programOf(tenant.tenant))
    if (!plan) throw new Error('no plan')
    const outcome = composeDay({
      tenant,
      index: fixtureIndex,
      subscriber: { id: 'r', nickname: 'Lan', audience: 'primary', language: 'vi' },
      timelines: [pregnant],
      plan,
      date,
      links,
    })
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems))
    const entry = outcome.value.entries[0]!
    expect(entry.language).toBe('ja')
    expect(entry.note).toBe(wordIn(untranslatedEntry, 'vi').text)
    expect(blocksToText(entry.blocks)).toContain('保健センターで面談を受けられます')
  })
})
