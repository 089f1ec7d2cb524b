import type { D1Database } from '@cloudflare/workers-types'
import { z } from 'zod'
import { liftOptOut, optedOut, suppressAddress } from '../resident/suppression'

/**
 * Twilio's request to the incoming-message webhook of the tenant's number (form fields, see
 * https://www.twilio.com/docs/messaging/guides/webhook-request), the fields yorisoi reads.
 * `OptOutType` (STOP, START, HELP) is there when the number is in a Messaging Service with
 * Advanced Opt-Out, whose keywords the tenant may localise (停止…).
 */
export const twilioInbound = z.object({
  MessageSid: z.string().regex(/^(SM|MM)[0-9a-fA-F]{32}$/),
  From: z.string().min(1),
  Body: z.string().default(''),
  OptOutType: z.enum(['STOP', 'START', 'HELP']).optional(),
})
export type TwilioInbound = z.infer<typeof twilioInbound>

// Twilio's default keywords (the whole body, any case), and Japanese words residents may send
// without Advanced Opt-Out: Twilio then blocks nothing, but the resident asked to stop all the same.
const stopWords = new Set([
  'STOP',
  'STOPALL',
  'UNSUBSCRIBE',
  'CANCEL',
  'END',
  'QUIT',
  'REVOKE',
  'OPTOUT',
  '停止',
  '配信停止',
  'ストップ',
])
const startWords = new Set(['START', 'YES', 'UNSTOP'])

/** What a reply asks for: STOP, START, or nothing yorisoi acts on. */
export function keywordOf(inbound: TwilioInbound): 'STOP' | 'START' | null {
  if (inbound.OptOutType === 'STOP' || inbound.OptOutType === 'START') return inbound.OptOutType
  if (inbound.OptOutType === 'HELP') return null
  const word = inbound.Body.normalize('NFKC').trim().toUpperCase()
  if (stopWords.has(word)) return 'STOP'
  return startWords.has(word) ? 'START' : null
}

const helpWords = new Set(['HELP', 'INFO', 'ヘルプ'])

/** HELP (Twilio answers it itself): neither an opt-out nor a message for the desk. */
export function isHelpRequest(inbound: TwilioInbound): boolean {
  return inbound.OptOutType === 'HELP' || helpWords.has(inbound.Body.normalize('NFKC').trim().toUpperCase())
}

/**
 * Applies a resident's reply to the tenant's number: a STOP stops every subscriber of the tenant
 * on that number at once (suppressed `opted-out`, consent withdrawn); a START lifts the
 * suppression only. A repeated request changes nothing more.
 */
export async function applyTwilioInbound(
  db: D1Database,
  input: { tenant: string; inbound: TwilioInbound; now: Date },
): Promise<'stopped' | 'started' | 'ignored'> {
  const keyword = keywordOf(input.inbound)
  if (keyword === 'STOP') {
    await suppressAddress(db, {
      tenant: input.tenant,
      channel: 'sms',
      address: input.inbound.From,
      reason: optedOut,
      eventId: `twilio:${input.inbound.MessageSid}`,
      now: input.now,
    })
    return 'stopped'
  }
  if (keyword === 'START') {
    await liftOptOut(db, input.tenant, 'sms', input.inbound.From)
    return 'started'
  }
  return 'ignored'
}
