import { z } from 'zod'
import { bilingual } from './messages'
import { audience, language, nonEmpty } from './primitives'
import { programWindow } from './window'

const questionId = z
  .string()
  .regex(
    /^[a-z][a-z0-9_]{0,39}$/,
    bilingual('設問IDは英小文字で始めてください', 'A question id starts with a lowercase letter'),
  )

/** Whether a resident must answer the question before the form is accepted. */
const required = z.boolean().default(false)

const option = z.object({
  value: questionId,
  label: nonEmpty(80),
  /** Choosing this answer ("I would like an interview") reaches the tenant's desk. */
  requestsInterview: z.boolean().default(false),
})

export const surveyQuestion = z.discriminatedUnion('kind', [
  z.object({
    id: questionId,
    kind: z.literal('single'),
    label: nonEmpty(200),
    required,
    options: z.array(option).min(2),
  }),
  z.object({
    id: questionId,
    kind: z.literal('multiple'),
    label: nonEmpty(200),
    required,
    options: z.array(option).min(2),
  }),
  z.object({
    id: questionId,
    kind: z.literal('scale'),
    label: nonEmpty(200),
    required,
    min: z.int(),
    max: z.int(),
  }),
  z.object({
    id: questionId,
    kind: z.literal('text'),
    label: nonEmpty(200),
    required,
    maxLength: z.int().min(1).max(2000),
  }),
])
export type SurveyQuestion = z.infer<typeof surveyQuestion>

/** A survey shown in the day's message while the resident is inside its window. */
export const survey = z
  .object({
    id: nonEmpty(64),
    version: z.int().min(1),
    language,
    title: nonEmpty(80),
    window: programWindow,
    audiences: z.array(audience).min(1),
    questions: z.array(surveyQuestion).min(1),
    /** How many times a non-responder gets a reminder line. */
    maxReminders: z.int().min(0).max(5).default(1),
    /** Days after the last invitation without an answer before the next reminder line. */
    remindAfterDays: z.int().min(1).max(60).default(7),
  })
  .superRefine((value, ctx) => {
    const seen = new Set<string>()
    value.questions.forEach((question, index) => {
      if (seen.has(question.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['questions', index, 'id'],
          message: bilingual(
            `設問ID ${question.id} が重複しています`,
            `Question id ${question.id} is used twice`,
          ),
        })
      }
      seen.add(question.id)
    })
  })
export type Survey = z.infer<typeof survey>
