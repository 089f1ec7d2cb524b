import type { ComposedMessage, SendResult } from './adapter'

/**
 * What a provider's non-success answer means for one message: 429 waits (with its retry-after),
 * 5xx may or may not have gone out, anything else will never succeed as sent.
 */
export function failedSend(idempotencyKey: string, response: Response, error: string): SendResult {
  if (response.status === 429) {
    const retryAfter = Number(response.headers.get('retry-after'))
    return {
      idempotencyKey,
      outcome: 'failed-transient',
      error,
      ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}),
    }
  }
  if (response.status >= 500) return { idempotencyKey, outcome: 'unknown', error }
  return { idempotencyKey, outcome: 'failed-permanent', error }
}

/** Sends one request per message, `atOnce` at a time, results in the messages' order. */
export async function sendInGroups(
  messages: readonly ComposedMessage[],
  atOnce: number,
  sendOne: (message: ComposedMessage) => Promise<SendResult>,
): Promise<SendResult[]> {
  const results: SendResult[] = []
  for (let i = 0; i < messages.length; i += atOnce) {
    results.push(...(await Promise.all(messages.slice(i, i + atOnce).map(sendOne))))
  }
  return results
}
