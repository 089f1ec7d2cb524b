import type { Payload } from 'payload'
import { bilingual, type Survey, type SurveyQuestion } from '../../shared/contract'
import { toProgramWindow } from '../plugin/fields/window'
import type { ContentSlugs, SurveyDoc } from './types'

const textLimit = 2000

export function questionOf(q: SurveyDoc['questions'][number], index: number): SurveyQuestion {
  const id = `q${index + 1}`
  const required = q.required ?? false
  const options = (q.choices ?? []).map((c, i) => ({
    value: `c${i + 1}`,
    label: c.label,
    requestsInterview: false,
  }))
  switch (q.kind) {
    case 'single':
    case 'multiple':
      return { id, kind: q.kind, label: q.label, required, options }
    case 'scale':
      return { id, kind: 'scale', label: q.label, required, min: q.scaleMin ?? 1, max: q.scaleMax ?? 5 }
    case 'interview-request':
      // "Would you like an interview?": a yes that reaches the tenant's desk.
      return {
        id,
        kind: 'single',
        label: q.label,
        required,
        options: [
          { value: 'yes', label: bilingual('希望する', 'Yes, please'), requestsInterview: true },
          { value: 'no', label: bilingual('希望しない', 'No, thank you'), requestsInterview: false },
        ],
      }
    default:
      return { id, kind: 'text', label: q.label, required, maxLength: textLimit }
  }
}

/**
 * The contract asks for one window per survey; a CMS survey asked at several times (e.g. months 6
 * and 8) becomes one survey per time, sharing questions, so answers stay apart per occasion.
 */
export function surveysOf(docs: readonly SurveyDoc[]): Survey[] {
  return docs.flatMap((doc) =>
    doc.triggers.map((trigger, index) => ({
      id: `survey-${doc.id}-${index + 1}`,
      version: doc.version ?? 1,
      language: doc.language as Survey['language'],
      title: doc.title,
      window: (toProgramWindow(trigger.window) ?? trigger.window) as Survey['window'],
      audiences: doc.audiences as Survey['audiences'],
      questions: doc.questions.map(questionOf),
      maxReminders: doc.reminders?.max ?? 1,
      remindAfterDays: doc.reminders?.afterDays ?? 7,
    })),
  )
}

/**
 * National surveys as a medical supervisor last approved them: the approved copy, never the working
 * one, so an edit under way does not reach residents and a survey never approved is not published.
 */
export async function approvedSurveyDocs(payload: Payload, slugs: ContentSlugs): Promise<SurveyDoc[]> {
  const found = await payload.find({
    collection: slugs.surveys,
    where: { and: [{ tenant: { exists: false } }, { approved: { exists: true } }] },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    sort: 'id',
  })
  return found.docs.flatMap((doc) => {
    const approved = (doc as { approved?: Omit<SurveyDoc, 'id'> | null }).approved
    return approved ? [{ ...approved, id: doc.id }] : []
  })
}
