import { expect, it } from 'vitest'
import { surveysOf } from '../../cms/publish/surveys'
import { parseContract, survey } from '../../shared/contract'

it('turns a CMS survey asked at two times into two contract surveys, with an interview request that reaches the desk', () => {
  const surveys = surveysOf([
    {
      id: 5,
      title: '体調のアンケート',
      language: 'ja',
      audiences: ['primary'],
      questions: [
        {
          label: '最近よく眠れていますか',
          kind: 'single',
          choices: [{ label: 'はい' }, { label: 'いいえ' }],
        },
        { label: '気分の点数', kind: 'scale', scaleMin: 1, scaleMax: 5 },
        { label: '保健師との面談を希望しますか', kind: 'interview-request' },
      ],
      triggers: [
        { window: { id: 'x', unit: 'pregnancy-month', from: 6, to: 6 } },
        { window: { id: 'y', unit: 'pregnancy-month', from: 8, to: 8 } },
      ],
      reminders: { max: 2 },
    },
  ])
  expect(surveys.map((s) => [s.id, s.window])).toEqual([
    ['survey-5-1', { unit: 'pregnancy-month', from: 6, to: 6 }],
    ['survey-5-2', { unit: 'pregnancy-month', from: 8, to: 8 }],
  ])
  for (const s of surveys) expect(parseContract(survey, s)).toMatchObject({ ok: true })
  const interview = surveys[0]!.questions[2]!
  expect(
    interview.kind === 'single' && interview.options.filter((o) => o.requestsInterview).map((o) => o.value),
  ).toEqual(['yes'])
  expect(surveys[0]!.maxReminders).toBe(2)
})
