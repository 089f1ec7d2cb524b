import { describe, expect, it } from 'vitest'
import { addDays } from '../../shared/calendar'
import { type EntryQuery, entriesFor } from '../../shared/compose'
import type { LocalSupportEntry } from '../../shared/contract'
import { slotContext } from '../../shared/program'
import { sakura } from './compose-support'

const checkup = sakura.localEntries[0]! // 妊娠28〜31週, primary + partner, ja, 2026-04-01 … 2027-03-31
const date = '2026-11-23'
const due = addDays(date, 84) // 28w0d on `date`

function query(overrides: Partial<EntryQuery> & { gestationalDay?: number } = {}): EntryQuery {
  const day = overrides.gestationalDay ?? 196
  const on = addDays(date, day - 196)
  return {
    context: slotContext({ from: '2026-06-01', due }, on),
    audience: 'primary',
    language: 'ja',
    fallbackLanguages: ['ja'],
    date: on,
    ...overrides,
  }
}

const ids = (entries: LocalSupportEntry[]) => entries.map((e) => e.id)

describe('entriesFor', () => {
  it('joins an entry to the days inside its window', () => {
    expect(ids(entriesFor(sakura.localEntries, query({ gestationalDay: 196 })))).toEqual([checkup.id])
    expect(ids(entriesFor(sakura.localEntries, query({ gestationalDay: 223 })))).toEqual([checkup.id])
  })

  it('leaves it out the day before and the day after the window', () => {
    expect(entriesFor(sakura.localEntries, query({ gestationalDay: 195 }))).toEqual([])
    expect(entriesFor(sakura.localEntries, query({ gestationalDay: 224 }))).toEqual([])
  })

  it('shows an entry only to the audiences it is written for', () => {
    expect(ids(entriesFor(sakura.localEntries, query({ audience: 'partner' })))).toEqual([checkup.id])
    expect(entriesFor(sakura.localEntries, query({ audience: 'family' }))).toEqual([])
  })

  it('honours validFrom and validUntil', () => {
    const ended = { ...checkup, validUntil: '2026-11-22' }
    const later = { ...checkup, validFrom: '2026-11-24' }
    const today = { ...checkup, validFrom: date, validUntil: date }
    expect(entriesFor([ended], query())).toEqual([])
    expect(entriesFor([later], query())).toEqual([])
    expect(entriesFor([today], query())).toEqual([today])
  })

  it('gives an English reader the Japanese entries when none are in English', () => {
    expect(ids(entriesFor(sakura.localEntries, query({ language: 'en' })))).toEqual([checkup.id])
  })

  it('gives an English reader the English entries, without the Japanese ones beside them', () => {
    const english = { ...checkup, id: 'sakura-checkup-8m-en', language: 'en', title: 'Month-8 interview' }
    expect(ids(entriesFor([checkup, english], query({ language: 'en' })))).toEqual([english.id])
    expect(ids(entriesFor([checkup, english], query({ language: 'ja' })))).toEqual([checkup.id])
  })

  it('never joins an every-day entry to a bereaved family’s day', () => {
    const gift = { ...checkup, id: 'gift', window: { unit: 'every' } as const }
    const loss = slotContext({ from: '2026-06-01', due, loss: { date } }, addDays(date, 3))
    expect(entriesFor([gift], query({ context: loss, date: addDays(date, 3) }))).toEqual([])
    expect(entriesFor([gift], query())).toEqual([gift])
  })
})
