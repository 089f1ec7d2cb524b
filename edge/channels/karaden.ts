import type { ChannelAdapter, OutgoingMessage, SendResult } from './adapter'
import { failedSend, type ProviderOptions, providerFetch, sendInGroups } from './http-send'

/** The tenant's Karaden account, stored encrypted as the `karaden.credentials` tenant secret (JSON). */
export interface KaradenCredentials {
  tenantId: string
  token: string
  /** サービス設定ID: the service configuration (sender, callback) the SMS goes out under. */
  serviceId: number
}

/** The API version our request format follows (edge/channels/specs/karaden-sms.yaml). */
export const karadenVersion = '2023-01-01'
const sendsAtOnce = 10

/** +8190… → 090…: Karaden sends to domestic mobile numbers written without the country code. */
export function domesticNumber(e164: string): string | null {
  const match = /^\+81([1-9]\d{8,9})$/.exec(e164)
  return match ? `0${match[1]}` : null
}

/**
 * 国内SMS through Karaden, a Japanese aggregator on domestic carrier routes, in the format of
 * specs/karaden-sms.yaml. Like Twilio it takes no idempotency key: an answer that leaves the send
 * in doubt (5xx, timeout, lost connection) is `unknown`, which the consumer flags for a person.
 */
export function karadenAdapter(
  credentials: KaradenCredentials,
  options: ProviderOptions = {},
): ChannelAdapter {
  const base = (options.baseUrl ?? 'https://prg.karaden.jp').replace(/\/$/, '')
  const endpoint = `${base}/api/${encodeURIComponent(credentials.tenantId)}/messages`
  async function sendOne(m: OutgoingMessage): Promise<SendResult> {
    const to = domesticNumber(m.to)
    if (!to) {
      return {
        idempotencyKey: m.idempotencyKey,
        outcome: 'failed-permanent',
        error: 'karaden: not a Japanese mobile number',
      }
    }
    const sent = await providerFetch(
      endpoint,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${credentials.token}`,
          'karaden-version': karadenVersion,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ service_id: String(credentials.serviceId), to, body: m.text }).toString(),
      },
      options.timeoutMs,
    )
    if ('error' in sent)
      return { idempotencyKey: m.idempotencyKey, outcome: 'unknown', error: `karaden: ${sent.error}` }
    const { response } = sent
    const answer = (await response.json().catch(() => ({}))) as { id?: string; code?: string }
    if (response.status === 200)
      return { idempotencyKey: m.idempotencyKey, outcome: 'sent', providerMessageId: answer.id }
    return failedSend(
      m.idempotencyKey,
      response,
      `karaden ${response.status}${answer.code ? ` ${answer.code}` : ''}`,
    )
  }
  return {
    name: 'karaden',
    maxBatchSize: 100,
    idempotent: false,
    send: (messages) => sendInGroups(messages, sendsAtOnce, sendOne),
  }
}
