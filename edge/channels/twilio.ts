import type { ChannelAdapter, OutgoingMessage, SendResult } from './adapter'
import { failedSend, type ProviderOptions, providerFetch, sendInGroups } from './http-send'
import { suppressionFor } from './twilio-errors'

export interface TwilioCredentials {
  accountSid: string
  authToken: string
  /** An E.164 number or an alphanumeric sender id registered for Japan. */
  from: string
}

const sendsAtOnce = 10

/**
 * SMS through Twilio's Messages API. Twilio takes no idempotency key, so this adapter is not
 * idempotent: an answer that leaves the send in doubt (5xx, no answer) is `unknown`, which the
 * consumer flags for a person instead of sending again.
 */
export function twilioAdapter(
  credentials: TwilioCredentials,
  options: ProviderOptions & {
    /** Where Twilio reports each message's status (the edge's /webhooks/twilio/{tenant}). */
    statusCallback?: string
  } = {},
): ChannelAdapter {
  const base = (options.baseUrl ?? 'https://api.twilio.com').replace(/\/$/, '')
  const endpoint = `${base}/2010-04-01/Accounts/${encodeURIComponent(credentials.accountSid)}/Messages.json`
  const authorization = `Basic ${btoa(`${credentials.accountSid}:${credentials.authToken}`)}`
  async function sendOne(m: OutgoingMessage): Promise<SendResult> {
    const sent = await providerFetch(
      endpoint,
      {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          To: m.to,
          From: credentials.from,
          Body: m.text,
          ...(options.statusCallback ? { StatusCallback: options.statusCallback } : {}),
        }).toString(),
      },
      options.timeoutMs,
    )
    if ('error' in sent)
      return { idempotencyKey: m.idempotencyKey, outcome: 'unknown', error: `twilio: ${sent.error}` }
    const { response } = sent
    const answer = (await response.json().catch(() => ({}))) as { sid?: string; code?: number }
    if (response.status === 201 || response.status === 200) {
      return { idempotencyKey: m.idempotencyKey, outcome: 'sent', providerMessageId: answer.sid }
    }
    const error = `twilio ${response.status}${answer.code ? ` code ${answer.code}` : ''}`
    const failed = failedSend(m.idempotencyKey, response, error)
    const suppress = suppressionFor(answer.code)
    return failed.outcome === 'failed-permanent' && suppress ? { ...failed, suppress } : failed
  }
  return {
    name: 'twilio',
    maxBatchSize: 100,
    idempotent: false,
    send: (messages) => sendInGroups(messages, sendsAtOnce, sendOne),
  }
}
