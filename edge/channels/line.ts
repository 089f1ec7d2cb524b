import type { ChannelAdapter, OutgoingMessage, SendResult } from './adapter'
import { failedSend, type ProviderOptions, providerFetch, sendInGroups } from './http-send'

const pushesAtOnce = 10

/**
 * LINE push messages, one request per resident with X-Line-Retry-Key = the delivery key: LINE
 * answers a repeated key with 409 and does not push again, so a retry can never double.
 */
export function lineAdapter(channelAccessToken: string, options: ProviderOptions = {}): ChannelAdapter {
  const endpoint = `${(options.baseUrl ?? 'https://api.line.me').replace(/\/$/, '')}/v2/bot/message/push`
  async function push(m: OutgoingMessage): Promise<SendResult> {
    const bubbles = m.bubbles ?? [m.text]
    const sent = await providerFetch(
      endpoint,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${channelAccessToken}`,
          'content-type': 'application/json',
          'x-line-retry-key': m.idempotencyKey,
        },
        body: JSON.stringify({ to: m.to, messages: bubbles.map((text) => ({ type: 'text', text })) }),
      },
      options.timeoutMs,
    )
    if ('error' in sent)
      return { idempotencyKey: m.idempotencyKey, outcome: 'unknown', error: `line: ${sent.error}` }
    const { response } = sent
    const requestId = response.headers.get('x-line-request-id') ?? undefined
    await response.body?.cancel()
    if (response.ok)
      return { idempotencyKey: m.idempotencyKey, outcome: 'sent', providerMessageId: requestId }
    // 409: this retry key was accepted before — the message went out then.
    if (response.status === 409) {
      return {
        idempotencyKey: m.idempotencyKey,
        outcome: 'sent',
        providerMessageId: response.headers.get('x-line-accepted-request-id') ?? undefined,
      }
    }
    const error = `line ${response.status}`
    return failedSend(m.idempotencyKey, response, error)
  }
  return {
    name: 'line',
    maxBatchSize: 100,
    idempotent: true,
    send: (messages) => sendInGroups(messages, pushesAtOnce, push),
  }
}
