import type { Payload } from 'payload'
import { questionOf } from '../publish/surveys'
import type { SurveyDoc } from '../publish/types'

/** A question's words as residents read them: its text and each option's label, by contract id. */
export interface QuestionText {
  /** 1 for q1: the question's place in its survey. */
  number: number
  label: string
  options: Record<string, string>
}

/**
 * The words of the surveys the answer counts name, by `<survey id> v<version>`: its questions by
 * id, and `heldVersion` — the version they were read from, which is another than the one counted
 * when the CMS no longer holds that one (it keeps the working copy and, for a national survey, the
 * approved one: an older version's words are gone; the newest held stands in, and says so).
 */
export type SurveyTexts = Record<string, { heldVersion: number; questions: Record<string, QuestionText> }>

export const surveyKey = (surveyId: unknown, version: unknown) => `${surveyId} v${version}`

/** The CMS document behind a survey's contract id: `survey-<id>-<n>` (its n-th time). */
const documentIdOf = (surveyId: string) => /^survey-(\d+)-\d+$/.exec(surveyId)?.[1]

type Held = Pick<SurveyDoc, 'version' | 'questions'>

const textsOf = (held: Held): Record<string, QuestionText> =>
  Object.fromEntries(
    held.questions.map((q, index) => {
      const question = questionOf(q, index)
      const options = 'options' in question ? question.options : []
      return [
        question.id,
        {
          number: index + 1,
          label: question.label,
          options: Object.fromEntries(options.map((option) => [option.value, option.label])),
        },
      ]
    }),
  )

/**
 * Looks up only the surveys already in the user's rows (their own town's, or national ones), so
 * no words of another town's survey are read for them; an id the CMS does not hold has no entry.
 */
export async function surveyTextsOf(
  payload: Payload,
  counted: readonly { surveyId: unknown; surveyVersion: unknown }[],
): Promise<SurveyTexts> {
  const docIds = [...new Set(counted.flatMap((row) => documentIdOf(String(row.surveyId)) ?? []))]
  if (docIds.length === 0) return {}
  const { docs } = await payload.find({
    collection: 'surveys',
    where: { id: { in: docIds } },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    select: { version: true, questions: true, approved: true },
  })
  const heldOf = new Map(
    docs.map((doc) => {
      const d = doc as unknown as Held & { id: unknown; approved?: Held | null }
      const held = [d, ...(d.approved?.questions ? [d.approved] : [])].filter((h) =>
        Array.isArray(h.questions),
      )
      return [String(d.id), held] as const
    }),
  )
  const texts: SurveyTexts = {}
  for (const row of counted) {
    const held = heldOf.get(documentIdOf(String(row.surveyId)) ?? '') ?? []
    const version = Number(row.surveyVersion)
    const exact = held.find((h) => Number(h.version ?? 1) === version)
    // The approved copy is what residents last got; else the working one.
    const standIn = exact ?? held.at(-1)
    if (standIn)
      texts[surveyKey(row.surveyId, row.surveyVersion)] = {
        heldVersion: Number(standIn.version ?? 1),
        questions: textsOf(standIn),
      }
  }
  return texts
}
