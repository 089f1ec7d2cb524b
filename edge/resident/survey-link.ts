import type { SurveyLine } from '../../shared/surveys'

/** The survey line of one delivery, with its link. */
export interface SurveyOffer {
  line: SurveyLine
  url: string
}

/**
 * A survey link: `/q/` with the segment of the delivery's message page (`/m/`), which /q/ reads
 * the way the page does — so the link needs no row of its own.
 */
export const surveyUrl = (origin: string, pageSegment: string) =>
  `${origin.replace(/\/$/, '')}/q/${pageSegment}`
