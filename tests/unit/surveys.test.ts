import { describe, expect, it } from 'vitest'
import type { Survey } from '../../shared/contract'
import type { DayContext } from '../../shared/program'
import { readSubmission, type SurveyHistory, surveyForDay } from '../../shared/surveys'

const survey = (id: string, over: Partial<Survey> = {}): Survey => ({
  id,
  version: 1,
  language: 'ja',
  title: id,
  window: { unit: 'pregnancy-month', from: 8, to: 8 },
  audiences: ['primary'],
  questions: [
    {
      id: 'mood',
      kind: 'single',
      label: '気分',
      required: true,
      options: [
        { value: 'ok', label: 'ふつう', requestsInterview: false },
        { value: 'talk', label: '話したい', requestsInterview: true },
      ],
    },
    { id: 'note', kind: 'text', label: 'メモ', required: false, maxLength: 10 },
  ],
  maxReminders: 2,
  remindAfterDays: 7,
  ...over,
})

const month8: DayContext = { track: 'pregnancy', gestationalDay: 200 }
const month6: DayContext = { track: 'pregnancy', gestationalDay: 150 }
const loss: DayContext = { track: 'loss', lossDay: 3 }

const day = (
  history: [string, SurveyHistory][] = [],
  over: Partial<Parameters<typeof surveyForDay>[0]> = {},
) =>
  surveyForDay({
    surveys: [survey('s8'), survey('s8-en', { language: 'en' })],
    contexts: [month8],
    audience: 'primary',
    language: 'ja',
    fallbackLanguages: ['ja'],
    date: '2026-11-30',
    history: new Map(history),
    ...over,
  })

describe('which survey a day’s message offers', () => {
  it('the survey whose window the resident is in, in their language, else along the fallback chain', () => {
    expect(day()).toMatchObject({ survey: { id: 's8' }, reminder: 0 })
    expect(day([], { language: 'en', fallbackLanguages: ['ja'] })).toMatchObject({ survey: { id: 's8-en' } })
    // Each language's own fallback order comes before the town's (shared/languages).
    expect(day([], { language: 'vi', fallbackLanguages: ['ja'] })).toMatchObject({ survey: { id: 's8-en' } })
    expect(day([], { language: 'zh-Hans', fallbackLanguages: ['en'] })).toMatchObject({
      survey: { id: 's8' },
    })
    expect(day([], { contexts: [month6] })).toBeNull()
    expect(day([], { audience: 'partner' })).toBeNull()
  })

  it('a reminder once remindAfterDays have passed without an answer, at most maxReminders times', () => {
    const seen = (offers: number, lastOfferedOn: string, answered = false): [string, SurveyHistory][] => [
      ['s8', { offers, lastOfferedOn, answered }],
      ['s8-en', { offers: 0, lastOfferedOn, answered: true }],
    ]
    expect(day(seen(1, '2026-11-24'))).toBeNull()
    expect(day(seen(1, '2026-11-23'))).toMatchObject({ survey: { id: 's8' }, reminder: 1 })
    expect(day(seen(2, '2026-11-23'))).toMatchObject({ reminder: 2 })
    expect(day(seen(3, '2026-11-01'))).toBeNull()
    expect(day(seen(1, '2026-11-01', true))).toBeNull()
    // Past the window, a reminder still comes while the survey is published.
    expect(day(seen(1, '2026-11-01'), { contexts: [month6] })).toMatchObject({ reminder: 1 })
  })

  it('on a day of loss: no reminder of a pregnancy survey, only a survey written for loss', () => {
    const history: [string, SurveyHistory][] = [
      ['s8', { offers: 1, lastOfferedOn: '2026-11-01', answered: false }],
    ]
    expect(day(history, { contexts: [loss] })).toBeNull()
    expect(day(history, { contexts: [month8, loss] })).toBeNull()
    const care = survey('care', { window: { unit: 'loss-day', from: 1, to: 30 } })
    expect(day([], { contexts: [loss], surveys: [survey('s8'), care] })).toMatchObject({
      survey: { id: 'care' },
    })
  })
})

describe('reading a posted survey form', () => {
  const s = survey('s8')
  it('accepts allowed answers, trims text, and asks for the contact only when an interview is chosen', () => {
    expect(readSubmission(s, { q_mood: ['ok'], q_note: [' はい '] })).toEqual({
      ok: true,
      value: {
        answers: [
          { questionId: 'mood', kind: 'single', values: ['ok'] },
          { questionId: 'note', kind: 'text', values: ['はい'] },
        ],
        interview: null,
      },
    })
    const noContact = readSubmission(s, { q_mood: ['talk'] })
    expect(noContact).toMatchObject({
      ok: false,
      errors: { contact: { ja: '面談のご連絡先を選んでください' } },
    })
    expect(
      readSubmission(s, { q_mood: ['talk'], contact: ['phone'], contact_phone: ['０９０ー１２３４'] }),
    ).toMatchObject({ ok: false, errors: { contact_phone: { ja: expect.stringContaining('電話番号') } } })
    expect(
      readSubmission(s, { q_mood: ['talk'], contact: ['email'], contact_email: ['hana@example.jp'] }),
    ).toMatchObject({
      ok: true,
      value: { interview: { contact: { how: 'email', email: 'hana@example.jp' } } },
    })
  })

  it('refuses a missing required answer, a foreign option, two answers to one choice and a long text', () => {
    const errors = (form: Record<string, string[]>) => {
      const r = readSubmission(s, form)
      return r.ok ? {} : r.errors
    }
    expect(errors({ q_note: ['x'] })).toEqual({
      q_mood: { ja: 'この設問は回答が必要です', en: 'Please answer this question' },
    })
    expect(Object.keys(errors({ q_mood: ['maybe'] }))).toEqual(['q_mood'])
    expect(Object.keys(errors({ q_mood: ['ok', 'talk'] }))).toEqual(['q_mood'])
    expect(errors({ q_mood: ['ok'], q_note: ['12345678901'] }).q_note).toEqual({
      ja: '{max}文字以内で書いてください',
      en: 'Please write at most {max} characters',
      values: { max: 10 },
    })
  })
})
