import type { DashboardData, Row } from './load'
import { type Cell, num, residents, type Section, sum } from './table'

const keyOf = (row: Row) => `${row.surveyId} v${row.surveyVersion}`

/** Responses per survey (its most-answered question) and each question's answers, suppressed. */
export function surveysSection(data: DashboardData): Section {
  const rows = data.rows.surveys
  const surveys = [...new Set(rows.map(keyOf))].sort()
  const questionsOf = (survey: string) =>
    [...new Set(rows.filter((row) => keyOf(row) === survey).map((row) => String(row.questionId)))].sort()
  const answered = (survey: string, question: string) =>
    rows.filter((row) => keyOf(row) === survey && row.questionId === question)
  const responses = surveys.map((survey): Cell[] => {
    const perQuestion = questionsOf(survey).map((q) => sum(answered(survey, q).map((row) => num(row.count))))
    return [survey, residents(Math.max(0, ...perQuestion))]
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
        title: `${survey}：${question} の回答 / Answers`,
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
      ...distributions,
    ],
  }
}
