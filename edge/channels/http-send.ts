import type { OutgoingMessage, SendResult } from './adapter'

/**
 * How long one provider request may take before we stop waiting (a hung provider must not hold
 * the queue consumer, whose wall time is 15 min for up to 10 batches of 100).
 */
export const defaultProviderTimeoutMs = 10_000

export interface ProviderOptions {
  baseUrl?: string
  /** Abort a provider request after this long; its outcome is then `unknown`. */
  timeoutMs?: number
}

/**
 * fetch with a deadline. A request that times out or loses its connection may or may not have
 * reached the provider: the caller reports `unknown` (flagged where the provider takes no
 * idempotency key, resent with the same key where it does).
 */
export async function providerFetch(
  url: string,
  init: RequestInit,
  timeoutMs: number | undefined,
): Promise<{ response: Response } | { error: string }> {
  const ms = timeoutMs ?? defaultProviderTimeoutMs
  try {
    return { response: await fetch(url, { ...init, signal: AbortSignal.timeout(ms) }) }
  } catch (error) {
    return { error: timeoutReason(error, ms) }
  }
}

/** A short, address-free reason for a request that got no answer. */
export function timeoutReason(error: unknown, ms: number): string {
  const name = error instanceof Error ? error.name : ''
  if (name === 'TimeoutError' || name === 'AbortError') return `no answer within ${ms} ms`
  return String(error).slice(0, 200)
}

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
  messages: readonly OutgoingMessage[],
  atOnce: number,
  sendOne: (message: OutgoingMessage) => Promise<SendResult>,
): Promise<SendResult[]> {
  const results: SendResult[] = []
  for (let i = 0; i < messages.length; i += atOnce) {
    results.push(...(await Promise.all(messages.slice(i, i + atOnce).map(sendOne))))
  }
  return results
}
