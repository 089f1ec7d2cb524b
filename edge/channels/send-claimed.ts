import type { Channel } from '../../shared/contract'
import type { ChannelAdapter, OutgoingMessage, SendResult } from './adapter'

export type EndState = 'sent' | 'failed-transient' | 'failed-permanent' | 'unknown' | 'flagged'

/** One send's outcome, for the delivery row this consumer claimed at `attempt`. */
export interface Outcome {
  key: string
  attempt: number
  state: EndState
  providerMessageId?: string
  error?: string
}

/** An address the provider refused for good (an invalid number), with the provider's reason. */
export interface Refusal {
  channel: Channel
  address: string
  reason: string
}

/** A claimed delivery this consumer holds in `sending` at `attempt`. */
export interface ClaimedSend<R extends { key: string; message: OutgoingMessage }> {
  request: R
  attempt: number
}

export interface Sent {
  outcomes: Outcome[]
  /** By delivery key. */
  refused: Map<string, Refusal>
  /** The longest wait a provider asked for (429 retry-after), if any. */
  retryAfterSeconds?: number
}

/**
 * The claimed deliveries handed to their channel's adapter, in batches of the size it takes: the
 * daily message's and an announcement's alike.
 */
export async function sendClaimed<R extends { key: string; message: OutgoingMessage }>(
  adapters: ReadonlyMap<Channel, ChannelAdapter>,
  toSend: ReadonlyMap<Channel, readonly ClaimedSend<R>[]>,
): Promise<Sent> {
  const sent: Sent = { outcomes: [], refused: new Map() }
  for (const [channel, items] of toSend) {
    const adapter = adapters.get(channel)!
    for (let i = 0; i < items.length; i += adapter.maxBatchSize) {
      const chunk = items.slice(i, i + adapter.maxBatchSize)
      const results = await adapter.send(chunk.map((item) => item.request.message))
      chunk.forEach((item, j) => {
        const result = results[j]
        const state = endState(result, adapter)
        if (result?.retryAfterSeconds)
          sent.retryAfterSeconds = Math.max(sent.retryAfterSeconds ?? 0, result.retryAfterSeconds)
        if (state === 'failed-permanent' && result?.suppress)
          sent.refused.set(item.request.key, {
            channel,
            address: item.request.message.to,
            reason: result.suppress,
          })
        sent.outcomes.push({
          key: item.request.key,
          attempt: item.attempt,
          state,
          providerMessageId: result?.providerMessageId,
          error: state === 'flagged' ? `needs-review: ${result?.error ?? 'outcome unknown'}` : result?.error,
        })
      })
    }
  }
  return sent
}

/**
 * No answer is a transient failure; an unknown outcome without an idempotency key, or a send a
 * person must put right (missing credentials), a person's call.
 */
export function endState(result: SendResult | undefined, adapter: ChannelAdapter): EndState {
  if (!result) return 'failed-transient'
  if (result.needsPerson) return 'flagged'
  return result.outcome === 'unknown' && !adapter.idempotent ? 'flagged' : result.outcome
}
