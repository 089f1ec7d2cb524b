import type { NationalPart, Survey, TenantPart } from '../../shared/contract'
import { type DayPlan, type Program, slotContext, type TimelineFacts } from '../../shared/program'
import { type SurveyHistory, surveyForDay } from '../../shared/surveys'
import { type SurveyOffer, surveyUrl } from '../resident/survey-link'

/** A tenant's surveys first, then the national ones. */
export const surveysOf = (tenant: TenantPart, national: NationalPart): Survey[] => [
  ...tenant.surveys,
  ...national.surveys,
]

/** The survey (first invitation or reminder) this resident's delivery offers today, if any. */
export function surveyOffer(input: {
  surveys: readonly Survey[]
  tenant: TenantPart
  program: Program
  dueSubscriber: {
    audience: Survey['audiences'][number]
    language: string
    timelines: readonly TimelineFacts[]
  }
  plan: DayPlan
  date: string
  history: ReadonlyMap<string, SurveyHistory> | undefined
  origin: string
  /** The segment of the delivery's message page (links.ts), which its survey link takes. */
  pageSegment: string
}): SurveyOffer | null {
  if (input.surveys.length === 0) return null
  const contexts = input.plan.slots.map((planned) => {
    const timeline = input.dueSubscriber.timelines[planned.timeline]
    return timeline ? slotContext(timeline, input.date, input.program) : ({ track: 'none' } as const)
  })
  const line = surveyForDay({
    surveys: input.surveys,
    contexts,
    audience: input.dueSubscriber.audience,
    language: input.dueSubscriber.language,
    fallbackLanguages: input.tenant.tenant.languages.fallback,
    date: input.date,
    history: input.history ?? new Map(),
  })
  if (!line) return null
  return { line, url: surveyUrl(input.origin, input.pageSegment) }
}

/** The composition's wording of an offer. */
export const surveyLineOf = (offer: SurveyOffer | null) =>
  offer ? { title: offer.line.survey.title, reminder: offer.line.reminder > 0 } : undefined
