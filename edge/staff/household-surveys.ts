import type { HouseholdRecord, Survey, SurveyQuestion } from '../../shared/contract'
import type { ResponseRow } from './household-rows'

type SurveyAnswer = HouseholdRecord['surveys'][number]

interface StoredAnswer {
  q: string
  p: number
  v: string
}

/**
 * A household's survey answers with their questions, read from the surveys the active snapshot
 * holds (the town's, then the national ones). A version no longer published shows its questions
 * by id and its raw values, marked `defined: false`, so an answer is never hidden.
 */
export function surveyAnswersOf(
  responses: readonly ResponseRow[],
  surveys: readonly Survey[],
  nicknameOf: (subscriberId: string) => string,
): SurveyAnswer[] {
  return responses.map((response) => {
    const survey = surveys.find((s) => s.id === response.surveyId && s.version === response.surveyVersion)
    const stored = (JSON.parse(response.answers) as StoredAnswer[]).sort((a, b) => a.p - b.p)
    const base = {
      surveyId: response.surveyId,
      surveyVersion: response.surveyVersion,
      nickname: nicknameOf(response.subscriberId),
      answeredOn: response.answeredOn,
      interview: response.interview,
    }
    if (!survey) {
      const ids = [...new Set(stored.map((a) => a.q))]
      return {
        ...base,
        title: response.surveyId,
        defined: false,
        questions: ids.map((id) => ({
          id,
          label: id,
          kind: 'unknown',
          answers: stored.filter((a) => a.q === id).map((a) => a.v),
        })),
      }
    }
    return {
      ...base,
      title: survey.title,
      defined: true,
      questions: survey.questions.map((question) => ({
        id: question.id,
        label: question.label,
        kind: question.kind,
        answers: stored.filter((a) => a.q === question.id).map((a) => answerText(question, a.v)),
      })),
    }
  })
}

/** An option's label for a choice; the value itself for a scale or free text. */
function answerText(question: SurveyQuestion, value: string): string {
  if (question.kind === 'single' || question.kind === 'multiple')
    return question.options.find((o) => o.value === value)?.label ?? value
  return value
}
