import type { Channel } from '../../shared/contract'
import type { OutgoingMessage } from '../channels/adapter'
import type { SurveyOffer } from '../resident/survey-link'
import type { TaskOffer } from '../tasks/offer'
import type { ClaimRequest } from './claim'
import type { NurseNews } from './nurse-news'

/** A composed delivery, ready to be claimed and sent. */
export interface DeliveryRequest extends ClaimRequest {
  message: OutgoingMessage
  survey: SurveyOffer | null
  /** The task line it carries (absent: none). */
  task?: TaskOffer | null
  /** The new nurses this message tells the family of: marked told once it is sent. */
  nurseNews?: readonly NurseNews[]
}

/**
 * A delivery whose content cannot be composed (a missing message, an SMS over the cap): it is
 * flagged for a person, not skipped in silence.
 */
export interface Unrenderable {
  /** Its id, as the delivery would have had (its page token's hash): a "send again" sends that page. */
  key: string
  /** The provider's key. */
  idempotencyKey: string
  subscriberId: string
  channel: Channel
  slots: string[]
  reason: string
  /** The day it is for, when not the batch's (a missed day's slot). */
  localDate?: string
}

/** What the planning steps hand on: deliveries to claim and deliveries a person must see. */
export interface Composed {
  requests: DeliveryRequest[]
  unrenderable: Unrenderable[]
}
