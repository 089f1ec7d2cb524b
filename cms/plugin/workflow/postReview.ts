import { type ActionOutcome, postAction } from './postAction'
import type { ReviewRequestBody } from './reviewRequest'

export type ReviewOutcome = ActionOutcome

/** Sends one review action to POST /api/{messages}/:id/review and says how it went. */
export const postReview = (endpoint: string, body: ReviewRequestBody): Promise<ReviewOutcome> =>
  postAction(endpoint, body)
