import { type CivilDate, daysBetween } from '../calendar'
import { languageChain } from '../compose/select'
import type { Audience, Survey } from '../contract'
import { type DayContext, windowContains } from '../program'

/** What a resident has had of one survey so far (deliveries that reached them, and an answer). */
export interface SurveyHistory {
  /** Survey lines delivered (offers): the first one and every reminder. */
  offers: number
  lastOfferedOn: CivilDate
  answered: boolean
}

/** The survey line of one delivery: `reminder` 0 is the first offer, 1… the reminders. */
export interface SurveyLine {
  survey: Survey
  reminder: number
}

export interface SurveyDayQuery {
  /** The tenant's surveys first, then the national ones: the order breaks ties. */
  surveys: readonly Survey[]
  /** The day's context on each planned timeline. */
  contexts: readonly DayContext[]
  audience: Audience
  language: string
  fallbackLanguages: readonly string[]
  date: CivilDate
  /** By survey id; a survey never offered is absent. */
  history: ReadonlyMap<string, SurveyHistory>
}

/**
 * At most one survey line a delivery, so a message (an SMS above all) stays short: a survey whose
 * window the resident has just entered comes first, otherwise a reminder that is due. On a day
 * of loss, only surveys written for bereaved families are offered, and nothing is recalled.
 */
export function surveyForDay(query: SurveyDayQuery): SurveyLine | null {
  const mourning = query.contexts.some((c) => c.track === 'loss')
  const forThem = query.surveys.filter(
    (s) => s.audiences.includes(query.audience) && (!mourning || s.window.unit === 'loss-day'),
  )
  const opening = forThem.filter(
    (s) => !query.history.has(s.id) && query.contexts.some((context) => windowContains(s.window, context)),
  )
  // Translations are separate surveys: take the whole choice from the first language that has one.
  for (const language of languageChain(query.language, query.fallbackLanguages)) {
    const first = opening.find((s) => s.language === language)
    if (first) return { survey: first, reminder: 0 }
  }
  if (mourning) return null
  for (const survey of forThem) {
    const seen = query.history.get(survey.id)
    if (!seen || seen.answered || seen.offers === 0) continue
    const remindersSent = seen.offers - 1
    if (remindersSent >= survey.maxReminders) continue
    if (daysBetween(seen.lastOfferedOn, query.date) >= survey.remindAfterDays)
      return { survey, reminder: seen.offers }
  }
  return null
}
