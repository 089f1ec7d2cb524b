import { Resend } from 'resend'
import type { ChannelAdapter, OutgoingMessage, SendResult } from './adapter'
import { defaultProviderTimeoutMs, type ProviderOptions, timeoutReason } from './http-send'

/**
 * Email through Resend's batch endpoint (≤100 per request). Resend's Idempotency-Key covers a
 * whole request, so the key is derived from the deliveries' own keys: a retried batch of the same
 * deliveries presents the same key and Resend returns the first answer instead of sending again.
 * Each email also carries its delivery key in X-Entity-Ref-ID.
 */
export function resendAdapter(apiKey: string, options: ProviderOptions = {}): ChannelAdapter {
  const timeoutMs = options.timeoutMs ?? defaultProviderTimeoutMs
  const resend = new Resend(apiKey, options.baseUrl ? { baseUrl: options.baseUrl } : {})
  return {
    name: 'resend',
    maxBatchSize: 100,
    idempotent: true,
    async send(messages: readonly OutgoingMessage[]): Promise<SendResult[]> {
      if (messages.length === 0) return []
      const payload = messages.map((m) => ({
        from: m.from ?? '',
        to: [m.to],
        ...(m.cc?.length ? { cc: m.cc } : {}),
        subject: m.subject ?? '',
        text: m.text,
        ...(m.html ? { html: m.html } : {}),
        ...(m.replyTo ? { replyTo: m.replyTo } : {}),
        headers: { ...m.headers, 'X-Entity-Ref-ID': m.idempotencyKey },
      }))
      let answer: Awaited<ReturnType<typeof resend.batch.send>>
      // The SDK turns an aborted request into an error answer; the signal tells us it was ours.
      const deadline = AbortSignal.timeout(timeoutMs)
      try {
        answer = await resend.batch.send(payload, {
          idempotencyKey: await batchKey(messages),
          signal: deadline,
        })
      } catch (error) {
        return all(messages, 'unknown', `resend: ${timeoutReason(error, timeoutMs)}`)
      }
      if (deadline.aborted) return all(messages, 'unknown', `resend: no answer within ${timeoutMs} ms`)
      if (answer.data) {
        const ids = answer.data.data
        return messages.map((m, i) => ({
          idempotencyKey: m.idempotencyKey,
          outcome: 'sent',
          providerMessageId: ids[i]?.id,
        }))
      }
      const { statusCode, name, message } = answer.error
      const reason = `resend ${statusCode ?? 'no answer'} ${name}: ${message}`.slice(0, 300)
      if (statusCode === 429) {
        const retryAfter = Number(answer.headers?.['retry-after'])
        return all(messages, 'failed-transient', reason, Number.isFinite(retryAfter) ? retryAfter : undefined)
      }
      // 409: the same key is being processed right now; it may yet be sent — ask again later.
      if (statusCode === null || statusCode >= 500 || statusCode === 409)
        return all(messages, 'unknown', reason)
      return all(messages, 'failed-permanent', reason)
    },
  }
}

function all(
  messages: readonly OutgoingMessage[],
  outcome: SendResult['outcome'],
  error: string,
  retryAfterSeconds?: number,
): SendResult[] {
  return messages.map((m) => ({
    idempotencyKey: m.idempotencyKey,
    outcome,
    error,
    ...(retryAfterSeconds ? { retryAfterSeconds } : {}),
  }))
}

async function batchKey(messages: readonly OutgoingMessage[]): Promise<string> {
  const keys = messages.map((m) => m.idempotencyKey).sort()
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(keys.join('\n')))
  return `batch-${[...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')}`
}
