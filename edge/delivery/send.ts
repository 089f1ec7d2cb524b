import type { Channel } from '../../shared/contract'
import type { ChannelAdapter, SendResult } from '../channels/adapter'
import type { Sending } from './claim-batch'
import type { EndState, Outcome } from './record'
import type { Refusal } from './refused'

export interface Sent {
  outcomes: Outcome[]
  /** By delivery key. */
  refused: Map<string, Refusal>
  /** The longest wait a provider asked for (429 retry-after), if any. */
  retryAfterSeconds?: number
}

/** The claimed deliveries handed to their channel's adapter, in batches of the size it takes. */
export async function sendClaimed(
  adapters: ReadonlyMap<Channel, ChannelAdapter>,
  toSend: ReadonlyMap<Channel, readonly Sending[]>,
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
function endState(result: SendResult | undefined, adapter: ChannelAdapter): EndState {
  if (!result) return 'failed-transient'
  if (result.needsPerson) return 'flagged'
  return result.outcome === 'unknown' && !adapter.idempotent ? 'flagged' : result.outcome
}
