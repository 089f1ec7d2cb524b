import type { Channel } from '../../shared/contract'
import type { ChannelAdapter, OutgoingMessage, SendResult } from './adapter'

/**
 * Where real providers send, the adapter of a channel whose provider credentials the tenant has
 * not stored: it sends nothing and says so — never the local outbox, which would record the
 * message as sent while it reaches nobody. Each result asks for a person (`needsPerson`): a daily
 * message is flagged, a desk forward marked failed, a confirmation or code reported unsent.
 */
export function missingCredentialsAdapter(channel: Channel, secretNames: readonly string[]): ChannelAdapter {
  const error = `no provider credentials for ${channel}: store the tenant secret ${secretNames.join(' or ')}; nothing was sent`
  return {
    name: 'missing-credentials',
    maxBatchSize: 100,
    idempotent: false,
    async send(messages: readonly OutgoingMessage[]): Promise<SendResult[]> {
      return messages.map((m) => ({
        idempotencyKey: m.idempotencyKey,
        outcome: 'failed-permanent',
        error,
        needsPerson: true,
      }))
    },
  }
}
