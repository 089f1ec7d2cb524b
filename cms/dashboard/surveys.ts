import type { DashboardData, Row } from './load'
import { nameOf } from './names'
import { surveyKey } from './survey-texts'
import { type Cell, num, percent, residents, type Section, sum, type Table } from './table'
import { stageWords, wordFor } from './words'

const keyOf = (row: Row) => surveyKey(row.surveyId, row.surveyVersion)
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

const anyValue = '（自由記述など） / (any value)'
const deletedQuestion = '（削除された設問）'
const deletedOption = '（削除された選択肢）'

/**
 * Responses per survey (residents who answered, as in the response-rate table: a multiple-choice
 * question's options are not added up) and each question's answers, in the words residents read:
 * the question's text and the options' labels from the CMS's survey, suppressed.
 */
export function surveysSection(data: DashboardData): Section {
  const rows = data.rows.surveys
  const surveys = [...new Set(rows.map(keyOf))].sort()
  const named = (survey: string) => {
    const [id = survey, version = ''] = survey.split(' ')
    return `${nameOf(data.names, id)} ${version}`.trim()
  }
  const questionsOf = (survey: string) =>
    [...new Set(rows.filter((row) => keyOf(row) === survey).map((row) => String(row.questionId)))].sort(
      (a, b) => a.localeCompare(b, 'en', { numeric: true }),
    )
  const answered = (survey: string, question: string) =>
    rows.filter((row) => keyOf(row) === survey && row.questionId === question)
  const answeredBy = new Map<string, number>()
  for (const row of data.rows.surveyResponses)
    answeredBy.set(keyOf(row), (answeredBy.get(keyOf(row)) ?? 0) + num(row.answered))
  const responses = [...answeredBy.keys()]
    .filter((survey) => (answeredBy.get(survey) ?? 0) > 0)
    .sort()
    .map((survey): Cell[] => [named(survey), residents(answeredBy.get(survey) ?? 0)])
  const distributions = surveys.flatMap((survey) => {
    const texts = data.surveyTexts[survey]
    const version = Number(survey.split(' v')[1])
    return questionsOf(survey).map((question): Table => {
      const text = texts?.questions[question]
      const values = new Map<string, number>()
      for (const row of answered(survey, question)) {
        const value = row.value === null || row.value === undefined ? '' : String(row.value)
        values.set(value, (values.get(value) ?? 0) + num(row.count))
      }
      // The options in the survey's order, then any it no longer has (and the scale's values) in theirs.
      const order = Object.keys(text?.options ?? {})
      const place = (value: string) => (order.includes(value) ? order.indexOf(value) : order.length)
      const labelOf = (value: string) => {
        if (value === '') return anyValue
        // Unknown question: its title says so; a scale's value is its own label.
        if (!text || order.length === 0) return value
        return text.options[value] ?? `${value}${deletedOption}`
      }
      return {
        key: `survey-${survey}-${question}`.replace(/[^\w-]+/g, '-'),
        title: text
          ? `${named(survey)}　問${text.number}「${text.label}」の回答 / Answers`
          : `${named(survey)}　${question}${deletedQuestion}の回答 / Answers`,
        ...(texts && texts.heldVersion !== version
          ? {
              note: `第${version}版の文言はCMSに残っていないため、第${texts.heldVersion}版の設問文と選択肢で示しています。 / Version ${version}’s words are no longer in the CMS: shown in version ${texts.heldVersion}’s.`,
            }
          : {}),
        columns: ['回答 / Answer', '件数 / Count'],
        rows: [...values.keys()]
          .sort((a, b) => place(a) - place(b) || a.localeCompare(b, 'en', { numeric: true }))
          .map((value): Cell[] => [labelOf(value), residents(values.get(value) ?? 0)]),
        chart: [1],
      }
    })
  })
  return {
    key: 'surveys',
    title: 'アンケート / Surveys',
    tables: [
      {
        key: 'survey-responses',
        title: 'アンケートごとの回答数 / Responses per survey',
        note: '回答した方の数です（回答率の表の「回答」の計）。自由記述はエッジの職員画面で読みます。 / Residents who answered (the response-rate table’s answers, summed); free text is read in the staff workspace.',
        columns: ['アンケート / Survey', '回答数 / Responses'],
        rows: responses,
        chart: [1],
      },
      ...responseTables(data),
      ...distributions,
    ],
  }
}
