import type { Survey, SurveyAnswerCount, SurveyQuestion, SurveyResponseCount } from '../../shared/contract'
import { weighted } from '../residents/random'
import { type DayFlow, eachOffered } from './day-flow'
import { binomial, randomOf } from './draw'

/** What the sample needs of a published survey (cms/publish/surveys.ts). */
export type SampleSurvey = Pick<Survey, 'id' | 'version' | 'language' | 'questions' | 'window' | 'audiences'>

const responseRate = 0.45
/** Of the residents who answer a survey, those who write something in a free-text question. */
const writeRate = 0.3
/** Of those asked at month 6 or 8, those who ask for an interview. */
const interviewRate = 0.12

/** Each option's weight, the same for a question in every run and town (a survey's "shape"). */
function choices(question: Extract<SurveyQuestion, { options: unknown }>) {
  return question.options.map(
    (option) =>
      [
        option.value,
        option.requestsInterview
          ? interviewRate
          : option.value === 'no'
            ? 1 - interviewRate
            : 0.5 + 3 * randomOf(question.id, option.value, question.label)(),
      ] as const,
  )
}

/** Scale answers lean to the upper middle (「4」 most), as satisfaction scales do. */
function scaleValues(min: number, max: number) {
  const peak = min + 0.7 * (max - min)
  return Array.from(
    { length: max - min + 1 },
    (_, i) => [String(min + i), Math.exp(-(((min + i - peak) / 1.2) ** 2))] as const,
  )
}

/**
 * A day's counts of one town for each survey: residents passing a survey's time (as many as
 * register a day, ignoring the month's rise, for each audience it is for) are offered it; about
 * half answer, most of the others get a reminder; each question is answered by its shape. Answers
 * come on the day offered, and interviews are held later (interviews.ts), so none here.
 */
export function answersOf(
  input: DayFlow & {
    languages: readonly (readonly [string, number])[]
    surveys: readonly SampleSurvey[]
  },
): { answers: SurveyAnswerCount[]; responses: SurveyResponseCount[] } {
  const { tenant, date, random } = input
  const english = input.languages.find(([language]) => language === 'en')?.[1] ?? 0
  const rows: SurveyAnswerCount[] = []
  const responses = eachOffered(input, input.surveys, {
    share: (survey) => (survey.language === 'en' ? english : survey.language === 'ja' ? 1 - english : 0),
    count: (survey, offered, stage): SurveyResponseCount => {
      const answering = binomial(random, offered, responseRate)
      // Some answer at once; most of the others are reminded (a few stopped or paused before).
      const answeredAtOnce = binomial(random, answering, 0.6)
      const reminded = binomial(random, offered - answeredAtOnce, 0.97)
      let interviewsRequested = 0
      const row = (questionId: string, value: string | null, count: number) => {
        if (count > 0)
          rows.push({
            date,
            tenant,
            surveyId: survey.id,
            surveyVersion: survey.version,
            questionId,
            value,
            count,
          })
      }
      for (const question of survey.questions) {
        const counts = new Map<string, number>()
        const tally = (value: string) => counts.set(value, (counts.get(value) ?? 0) + 1)
        switch (question.kind) {
          case 'single': {
            const weights = choices(question)
            for (let n = 0; n < answering; n++) tally(weighted(random, weights))
            break
          }
          case 'multiple':
            for (const [value, weight] of choices(question))
              counts.set(value, binomial(random, answering, Math.min(0.8, weight / 5)))
            break
          case 'scale': {
            const weights = scaleValues(question.min, question.max)
            for (let n = 0; n < answering; n++) tally(weighted(random, weights))
            break
          }
          case 'text':
            row(question.id, null, binomial(random, answering, writeRate))
            break
        }
        for (const [value, count] of [...counts].sort(([a], [b]) => a.localeCompare(b)))
          row(question.id, value, count)
        if (question.kind === 'single')
          for (const option of question.options)
            if (option.requestsInterview) interviewsRequested += counts.get(option.value) ?? 0
      }
      return {
        date,
        tenant,
        surveyId: survey.id,
        surveyVersion: survey.version,
        stage,
        offered,
        reminded,
        answered: answering,
        interviewsRequested,
        interviewsHeld: 0,
      }
    },
  })
  return { answers: rows, responses }
}
