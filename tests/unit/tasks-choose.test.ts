import { describe, expect, it } from 'vitest'
import type { Task } from '../../shared/contract'
import type { DayContext } from '../../shared/program'
import { type TaskHistory, taskForDay } from '../../shared/tasks'

const task = (id: string, over: Partial<Task> = {}): Task => ({
  id,
  version: 1,
  window: { unit: 'pregnancy-month', from: 8, to: 8 },
  audiences: ['primary'],
  doneBy: 'resident',
  remindAfterDays: [7, 14],
  texts: [
    { language: 'ja', title: `${id}の申請`, line: `${id}の申請はお済みですか。` },
    { language: 'en', title: `Apply for ${id}`, line: `Have you applied for ${id}?` },
  ],
  supervisors: [],
  sample: false,
  ...over,
})

const month8: DayContext = { track: 'pregnancy', gestationalDay: 200 }
const month6: DayContext = { track: 'pregnancy', gestationalDay: 150 }
const loss: DayContext = { track: 'loss', lossDay: 3 }

const seen = (offers: number, firstOfferedOn: string, lastOfferedOn: string, done = false): TaskHistory => ({
  offers,
  firstOfferedOn,
  lastOfferedOn,
  done,
})

const day = (
  date: string,
  history: [string, TaskHistory][] = [],
  over: Partial<Parameters<typeof taskForDay>[0]> = {},
) =>
  taskForDay({
    tasks: [task('benefit')],
    contexts: [month8],
    audience: 'primary',
    language: 'ja',
    fallbackLanguages: ['ja'],
    date,
    history: new Map(history),
    ...over,
  })

describe('which task line a day’s message carries', () => {
  it('first offer: a task whose window the resident is in, never offered before; the town’s before the nation’s', () => {
    expect(day('2026-11-23')).toMatchObject({ task: { id: 'benefit' }, reminder: 0 })
    expect(day('2026-11-23', [], { contexts: [month6] })).toBeNull()
    expect(day('2026-11-23', [], { audience: 'partner' })).toBeNull()
    const both = day('2026-11-23', [], { tasks: [task('town'), task('national')] })
    expect(both?.task.id).toBe('town')
    // Once the first is offered, the next one opens on the following message.
    const next = day('2026-11-24', [['town', seen(1, '2026-11-23', '2026-11-23')]], {
      tasks: [task('town'), task('national')],
    })
    expect(next).toMatchObject({ task: { id: 'national' }, reminder: 0 })
  })

  it('reminders on the first message on or after each listed day after the first offer, never between, at most as listed', () => {
    const remindedOn = (date: string, offers: number, last: string) =>
      day(date, [['benefit', seen(offers, '2026-11-01', last)]], { contexts: [month6] })
    // Offered on 11-01: nothing before 11-08.
    expect(remindedOn('2026-11-05', 1, '2026-11-01')).toBeNull()
    expect(remindedOn('2026-11-07', 1, '2026-11-01')).toBeNull()
    expect(remindedOn('2026-11-08', 1, '2026-11-01')).toMatchObject({ reminder: 1 })
    // A resident with no message on day 7 is reminded on their next one, once.
    expect(remindedOn('2026-11-10', 1, '2026-11-01')).toMatchObject({ reminder: 1 })
    expect(remindedOn('2026-11-11', 2, '2026-11-10')).toBeNull()
    expect(remindedOn('2026-11-14', 2, '2026-11-08')).toBeNull()
    expect(remindedOn('2026-11-15', 2, '2026-11-08')).toMatchObject({ reminder: 2 })
    // Two reminders listed: no third.
    expect(remindedOn('2026-11-30', 3, '2026-11-15')).toBeNull()
    // The window does not matter to a reminder (the resident may have left it).
    expect(day('2026-11-15', [['benefit', seen(2, '2026-11-01', '2026-11-08')]])).toMatchObject({
      reminder: 2,
    })
  })

  it('nothing once done, and nothing on a day of loss', () => {
    expect(day('2026-11-08', [['benefit', seen(1, '2026-11-01', '2026-11-01', true)]])).toBeNull()
    // Done before it was ever offered (its survey answered): never offered.
    expect(day('2026-11-23', [['benefit', seen(0, '2026-11-23', '2026-11-23', true)]])).toBeNull()
    expect(day('2026-11-23', [], { contexts: [loss] })).toBeNull()
    expect(
      day('2026-11-08', [['benefit', seen(1, '2026-11-01', '2026-11-01')]], { contexts: [month8, loss] }),
    ).toBeNull()
  })

  it('the text in the reader’s language, else along the fallback chain, else Japanese', () => {
    expect(day('2026-11-23')?.text.language).toBe('ja')
    expect(day('2026-11-23', [], { language: 'en' })?.text).toMatchObject({
      language: 'en',
      line: 'Have you applied for benefit?',
    })
    // Vietnamese falls back to English (shared/languages), Japanese when the task has no English.
    expect(day('2026-11-23', [], { language: 'vi', fallbackLanguages: ['ja'] })?.text.language).toBe('en')
    const onlyJa = task('benefit', {
      texts: [{ language: 'ja', title: '申請', line: '申請はお済みですか。' }],
    })
    expect(day('2026-11-23', [], { tasks: [onlyJa], language: 'vi' })?.text.language).toBe('ja')
  })
})
