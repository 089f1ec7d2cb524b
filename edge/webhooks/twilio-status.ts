import type { D1Database } from '@cloudflare/workers-types'
import { z } from 'zod'
import { numberCannotTakeSms, suppressionFor } from '../channels/twilio-errors'
import { applySmsFailure, type SmsFailure } from './sms-report'

/**
 * Twilio's request to a message's StatusCallback URL (form fields, see
 * https://www.twilio.com/docs/messaging/api/message-resource#twilios-request-to-the-statuscallback-url),
 * the fields yorisoi reads. Other fields pass unread.
 */
export const twilioStatus = z.object({
  MessageSid: z.string().regex(/^(SM|MM)[0-9a-fA-F]{32}$/),
  MessageStatus: z.string().min(1),
  ErrorCode: z.string().regex(/^\d+$/).optional(),
})
export type TwilioStatus = z.infer<typeof twilioStatus>

/** What a status callback means for the delivery; null for every status short of failure. */
export function verdictOfStatus(status: TwilioStatus): SmsFailure | null {
  if (status.MessageStatus !== 'undelivered' && status.MessageStatus !== 'failed') return null
  const code = status.ErrorCode ?? 'none'
  const suppress = suppressionFor(status.ErrorCode)
  const meaning = suppress === 'opted-out' ? 'the recipient opted out (STOP)' : numberCannotTakeSms[code]
  return { suppress, error: `twilio: ${status.MessageStatus} ${code}${meaning ? `: ${meaning}` : ''}` }
}

/** Applies one status callback to the tenant's SMS delivery it names (see applySmsFailure). */
export async function applyTwilioStatus(
  db: D1Database,
  input: { tenant: string; status: TwilioStatus; now: Date },
): Promise<'applied' | 'ignored'> {
  const failure = verdictOfStatus(input.status)
  if (!failure) return 'ignored'
  return applySmsFailure(db, {
    tenant: input.tenant,
    providerMessageId: input.status.MessageSid,
    failure,
    eventId: `twilio:${input.status.MessageSid}:${input.status.MessageStatus}`,
    now: input.now,
  })
}
