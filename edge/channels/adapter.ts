import type { Channel, DeliveryOutcome } from '../../shared/contract'

/** A message composed and rendered for one recipient on one channel, ready to hand to a provider. */
export interface OutgoingMessage {
  /**
   * Same key, same message: a provider that honours keys (Resend, LINE) never sends it twice, and
   * the outbox stores it once. Derived from the delivery (subscriber, local date, kind).
   */
  idempotencyKey: string
  /**
   * The subscriber it is for, when the sender knows (a program delivery, whose id is not its key):
   * the outbox files it with their data.
   */
  subscriberId?: string
  tenant: string
  channel: Channel
  /** Email address, phone number or LINE user id. */
  to: string
  /** Email only; neutral by contract. */
  subject?: string
  text: string
  /** Email only. */
  html?: string
  /** Email only: the tenant's sender identity, e.g. `さくら市 子育て応援便 <yorisoi@sakura.example.jp>`. */
  from?: string
  replyTo?: string
  /** Email only: staff who get a copy (the desk, when a consultation goes to the family's nurse). */
  cc?: string[]
  /** Email only: List-Unsubscribe and List-Unsubscribe-Post. */
  headers?: Record<string, string>
  /** LINE only: the text bubbles of one push (at most 5); `text` is their join. */
  bubbles?: string[]
}

export interface SendResult {
  idempotencyKey: string
  /**
   * sent: the provider accepted it. failed-transient: try again later. failed-permanent: never
   * retry (bad address, blocked). unknown: it may or may not have gone out (timeout after the
   * request left) — a person decides where the provider takes no idempotency key.
   */
  outcome: DeliveryOutcome
  providerMessageId?: string
  /** When the provider asked us to wait (429 retry-after). */
  retryAfterSeconds?: number
  /** For people reading the delivery row; never contains the message text or address. */
  error?: string
  /** failed-permanent only: the address itself cannot take the channel; suppressed with this reason. */
  suppress?: string
  /**
   * failed-permanent only: nothing was sent because of something a person must put right (the
   * tenant's provider credentials are missing), not because of the address: a daily message is
   * flagged for them rather than counted as the resident's failed day.
   */
  needsPerson?: boolean
}

export interface ChannelAdapter {
  readonly name: string
  /** The largest batch one send() call accepts (Resend: 100). */
  readonly maxBatchSize: number
  /**
   * The provider honours our idempotency key, so a delivery left in `sending` may be sent again
   * with the same key. Without one (SMS), such a delivery is flagged for a person instead.
   */
  readonly idempotent: boolean
  /** Returns one result per message, in the same order. Never throws for a provider's answer. */
  send(messages: readonly OutgoingMessage[]): Promise<SendResult[]>
}
