import type { DashboardData, Row } from './load'
import { nameOf } from './names'
import { type Cell, num, percent, residents, type Section, sum, type Table } from './table'
import { stageWords, wordFor } from './words'

const keyOf = (row: Row) => `${row.surveyId} v${row.surveyVersion}`
const total = (rows: Row[], field: string) => sum(rows.map((row) => num(row[field])))
const noStage = 'その他（時期なし） / No stage'

/** A rate of two resident counts, shown only when neither reads 「5未満」. */
const rateOf = (part: number, whole: number): Cell =>
  typeof residents(part) === 'number' && typeof residents(whole) === 'number' ? percent(part, whole) : '—'

/**
 * Per survey and stage: residents it first reached in the period, reminded, and answers in the
 * period; and per survey the interviews asked for and held (recorded in the staff workspace).
 */
function responseTables(data: DashboardData): Table[] {
  const rows = data.rows.surveyResponses
  const name = (row: Row) => `${nameOf(data.names, String(row.surveyId))} v${row.surveyVersion}`
  const surveys = [...new Set(rows.map(name))].sort()
  const stages = [...Object.keys(stageWords), null]
  const stageOf = (row: Row) => (typeof row.stage === 'string' ? row.stage : null)
  const rate = surveys.flatMap((survey) =>
    stages.flatMap((stage): Cell[][] => {
      const of = rows.filter((row) => name(row) === survey && stageOf(row) === stage)
      if (of.length === 0) return []
      const offered = total(of, 'offered')
      const answered = total(of, 'answered')
      return [
        [
          `${survey}・${stage === null ? noStage : wordFor(stageWords, stage)}`,
          residents(offered),
          residents(total(of, 'reminded')),
          residents(answered),
          rateOf(answered, offered),
        ],
      ]
    }),
  )
  const interviews = surveys.flatMap((survey): Cell[][] => {
    const of = rows.filter((row) => name(row) === survey)
    const requested = total(of, 'interviewsRequested')
    const held = total(of, 'interviewsHeld')
    if (requested + held === 0) return []
    return [[survey, residents(requested), residents(held), rateOf(held, requested)]]
  })
  return [
    {
      key: 'survey-response-rate',
      title: 'アンケートの回答率（時期別） / Response rate per survey and stage',
      note: '案内は期間中に初めて届いた方、回答は期間中の回答です（前の期間に案内した方の回答も含みます）。 / Offered: residents it first reached in the period; answered: answers in the period (some offered earlier).',
      columns: [
        'アンケート・時期 / Survey, stage',
        '案内 / Offered',
        '再案内 / Reminded',
        '回答 / Answered',
        '回答率 / Response rate',
      ],
      rows: rate,
      chart: [1, 3],
    },
    {
      key: 'survey-interviews',
      title: '面談の希望と実施 / Interviews requested and held',
      note: '実施は職員画面（エッジ）で「面談を実施した」と記録した数です。 / Held: interviews staff recorded as held in the staff workspace.',
      columns: ['アンケート / Survey', '希望 / Requested', '実施 / Held', '実施の割合 / Share held'],
      rows: interviews,
      chart: [1, 2],
    },
  ]
}

/** Responses per survey (its most-answered question) and each question's answers, suppressed. */
export function surveysSection(data: DashboardData): Section {
  const rows = data.rows.surveys
  const surveys = [...new Set(rows.map(keyOf))].sort()
  const named = (survey: string) => {
    const [id = survey, version = ''] = survey.split(' ')
    return `${nameOf(data.names, id)} ${version}`.trim()
  }
  const questionsOf = (survey: string) =>
    [...new Set(rows.filter((row) => keyOf(row) === survey).map((row) => String(row.questionId)))].sort()
  const answered = (survey: string, question: string) =>
    rows.filter((row) => keyOf(row) === survey && row.questionId === question)
  const responses = surveys.map((survey): Cell[] => {
    const perQuestion = questionsOf(survey).map((q) => sum(answered(survey, q).map((row) => num(row.count))))
    return [named(survey), residents(Math.max(0, ...perQuestion))]
  })
  const distributions = surveys.flatMap((survey) =>
    questionsOf(survey).map((question) => {
      const values = new Map<string, number>()
      for (const row of answered(survey, question)) {
        const value =
          row.value === null || row.value === undefined || row.value === ''
            ? '（自由記述など） / (any value)'
            : String(row.value)
        values.set(value, (values.get(value) ?? 0) + num(row.count))
      }
      return {
        key: `survey-${survey}-${question}`.replace(/[^\w-]+/g, '-'),
        title: `${named(survey)}：${question} の回答 / Answers`,
        columns: ['回答 / Answer', '件数 / Count'],
        rows: [...values.keys()].sort().map((value): Cell[] => [value, residents(values.get(value) ?? 0)]),
        chart: [1],
      }
    }),
  )
  return {
    key: 'surveys',
    title: 'アンケート / Surveys',
    tables: [
      {
        key: 'survey-responses',
        title: 'アンケートごとの回答数 / Responses per survey',
        note: '最も多く答えられた設問の回答数です。自由記述はエッジの職員画面で読みます。 / The answers to its most-answered question; free text is read in the staff workspace.',
        columns: ['アンケート / Survey', '回答数 / Responses'],
        rows: responses,
        chart: [1],
      },
      ...responseTables(data),
      ...distributions,
    ],
  }
}
