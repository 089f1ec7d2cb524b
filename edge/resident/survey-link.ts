import type { SurveyLine } from '../../shared/surveys'
import { linkSegment } from '../shards/links'

/** The survey line of one delivery, with its link. */
export interface SurveyOffer {
  line: SurveyLine
  url: string
  tokenHash: string
}

/** A survey link: `/q/` with the shard's prefix, when known. */
export const surveyUrl = (origin: string, token: string, shard?: number) =>
  `${origin.replace(/\/$/, '')}/q/${shard === undefined ? token : linkSegment(shard, token)}`
