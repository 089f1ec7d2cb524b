import type { SurveyLine } from '../../shared/surveys'
import { linkSegment } from '../shards/links'
import { messageToken } from './link-tokens'

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

/** The survey link of a program delivery, derived as its message page's link is. */
export const deliverySurveyUrl = async (origin: string, secret: string, deliveryKey: string, shard = 1) =>
  surveyUrl(origin, linkSegment(shard, await messageToken(secret, deliveryKey)))
