// A local stand-in for Twilio's Messages API: every request is validated against Twilio's OpenAPI
// description (../shared/specs/twilio_api_v2010.yaml, form-encoded), SMS are counted per recipient
// number (Twilio takes no idempotency key: a second request is a second SMS), and faults can be
// injected: 500, 429, and a crash after the SMS was accepted. A message sent with a StatusCallback
// gets Twilio's status callbacks (`sent`, then `delivered` or the configured failure), signed with
// the auth token the message was sent with, as Twilio signs them. A resident's reply can be
// played (`/__fake/inbound`): an opt-out keyword blocks every later SMS from that sender to them
// with 400 code 21610 until START, as Twilio does, and the reply is posted, signed, to the
// number's incoming-message webhook (with OptOutType under a Messaging Service's Advanced Opt-Out).
import { randomUUID } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import type { Context } from 'openapi-backend'
import { answerDelay, FaultQueue } from './faults'
import { type Answer, type FakeServer, type SmsStats, startFakeServer } from './server'
import type { SignedWebhook } from './webhook-outbox'
import { twilioSignature } from './webhook-signatures'

export const twilioSpec = fileURLToPath(
  new URL('../../../shared/specs/twilio_api_v2010.yaml', import.meta.url),
)

export type FakeTwilio = FakeServer

/** How a number's SMS ends, as a status callback says it: `undelivered`/`failed` with an ErrorCode. */
export type Reach =
  | { status: 'sent' | 'delivered' }
  | { status: 'undelivered' | 'failed'; errorCode: number }
  /** Refused at once with a 400 and this code, as Twilio answers for an invalid 'To' number. */
  | { status: 'refused'; errorCode: number }

/** A resident's reply to the tenant's number, as `/__fake/inbound` takes it. */
export interface InboundReply {
  /** The number's incoming-message webhook URL, as configured at Twilio. */
  webhookUrl: string
  accountSid: string
  authToken: string
  /** The resident's number. */
  from: string
  /** The tenant's Twilio number (the From of its SMS). */
  to: string
  body: string
  /** Set when the number is in a Messaging Service with Advanced Opt-Out: OptOutType is posted. */
  messagingServiceSid?: string
  /** Advanced Opt-Out's opt-out keywords, when the tenant localised them (e.g. 停止). */
  optOutKeywords?: string[]
}

// Twilio's defaults; a keyword is the whole body, any case.
const defaultOptOut = ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT']
const defaultOptIn = ['START', 'YES', 'UNSTOP']
const defaultHelp = ['HELP', 'INFO']

interface StatusCallback {
  url: string
  authToken: string
  params: Record<string, string>
}

export async function startFakeTwilio(): Promise<FakeTwilio> {
  const fresh = (): SmsStats => ({ requests: 0, rejected: 0, deliveries: {}, messages: [] })
  let stats = fresh()
  const faults = new FaultQueue()
  let reach: Record<string, Reach> = {}
  let callbacks: StatusCallback[] = []
  /** `${sender}|${recipient}` pairs blocked by the recipient's STOP. */
  let optedOut = new Set<string>()
  const error = (status: number, code: number, message: string, moreInfo?: string): Answer => ({
    status,
    body: { code, message, ...(moreInfo ? { more_info: moreInfo } : {}), status },
  })
  const authenticate = () => error(401, 20003, 'Authenticate')

  function createMessage(c: Context): Answer {
    const form = c.request.requestBody as {
      To: string
      From?: string
      Body?: string
      StatusCallback?: string
    }
    const [accountSid = '', authToken = ''] = atob(
      String(c.request.headers.authorization).replace(/^Basic /, ''),
    ).split(':')
    if (accountSid !== c.request.params.AccountSid) {
      stats.rejected++
      return authenticate()
    }
    if (optedOut.has(`${form.From ?? ''}|${form.To}`))
      return error(
        400,
        21610,
        'Attempt to send to unsubscribed recipient',
        'https://www.twilio.com/docs/errors/21610',
      )
    const fault = faults.next()
    if (fault === 'server-error') return error(500, 20500, 'Internal Server Error')
    if (fault === 'rate-limited') return error(429, 20429, 'Too Many Requests')
    const end = reach[form.To] ?? { status: 'delivered' }
    if (end.status === 'refused')
      return error(
        400,
        end.errorCode,
        `The 'To' number ${form.To} is not a valid phone number.`,
        `https://www.twilio.com/docs/errors/${end.errorCode}`,
      )
    stats.deliveries[form.To] = (stats.deliveries[form.To] ?? 0) + 1
    stats.messages.push({ to: form.To, body: form.Body ?? '' })
    const sid = `SM${randomUUID().replaceAll('-', '')}`
    if (form.StatusCallback) {
      const common = {
        AccountSid: accountSid,
        ApiVersion: '2010-04-01',
        From: form.From ?? '',
        To: form.To,
      }
      for (const step of [{ status: 'sent' } as const, end]) {
        const params: Record<string, string> = {
          ...common,
          MessageSid: sid,
          SmsSid: sid,
          MessageStatus: step.status,
          SmsStatus: step.status,
          ...('errorCode' in step ? { ErrorCode: String(step.errorCode) } : {}),
        }
        callbacks.push({ url: form.StatusCallback, authToken, params })
      }
    }
    return {
      status: 201,
      body: { sid, status: 'queued', to: form.To, body: form.Body },
      crash: fault === 'crash-after-accept',
      delayMs: answerDelay(fault),
    }
  }

  function receive(reply: InboundReply): void {
    const word = reply.body.trim().toUpperCase()
    const advanced = Boolean(reply.messagingServiceSid)
    const optOut = (advanced ? (reply.optOutKeywords ?? defaultOptOut) : defaultOptOut).map((k) =>
      k.toUpperCase(),
    )
    const kind = optOut.includes(word)
      ? 'STOP'
      : defaultOptIn.includes(word)
        ? 'START'
        : defaultHelp.includes(word)
          ? 'HELP'
          : null
    if (kind === 'STOP') optedOut.add(`${reply.to}|${reply.from}`)
    if (kind === 'START') optedOut.delete(`${reply.to}|${reply.from}`)
    const sid = `SM${randomUUID().replaceAll('-', '')}`
    callbacks.push({
      url: reply.webhookUrl,
      authToken: reply.authToken,
      params: {
        ToCountry: 'JP',
        SmsMessageSid: sid,
        NumMedia: '0',
        SmsSid: sid,
        SmsStatus: 'received',
        Body: reply.body,
        To: reply.to,
        NumSegments: '1',
        MessageSid: sid,
        AccountSid: reply.accountSid,
        From: reply.from,
        ApiVersion: '2010-04-01',
        ...(advanced ? { MessagingServiceSid: reply.messagingServiceSid ?? '' } : {}),
        ...(advanced && kind ? { OptOutType: kind } : {}),
      },
    })
  }

  return startFakeServer({
    spec: twilioSpec,
    auth: { scheme: 'accountSid_authToken', header: /^Basic \S+$/ },
    stats: () => stats,
    faults,
    body: (raw) => Object.fromEntries(new URLSearchParams(raw)),
    unauthorized: authenticate,
    invalid: (c) => error(400, 21602, JSON.stringify(c.validation.errors)),
    notFound: () => error(404, 20404, 'Not found'),
    notImplemented: () => ({ status: 501, body: { message: 'Not implemented' } }),
    operations: { CreateMessage: createMessage },
    async control(path, raw) {
      if (path === '/__fake/webhook-config') reach = JSON.parse(raw) as Record<string, Reach>
      if (path === '/__fake/inbound') receive(JSON.parse(raw) as InboundReply)
      if (path === '/__fake/webhooks') {
        const taken = callbacks.splice(0)
        const signed: SignedWebhook[] = await Promise.all(
          taken.map(async (w) => {
            const target = new URL(w.url)
            return {
              path: target.pathname + target.search,
              headers: {
                'content-type': 'application/x-www-form-urlencoded',
                'x-twilio-signature': await twilioSignature(w.authToken, w.url, w.params),
              },
              body: new URLSearchParams(w.params).toString(),
            }
          }),
        )
        return { status: 200, body: signed }
      }
      return undefined
    },
    reset() {
      stats = fresh()
      reach = {}
      callbacks = []
      optedOut = new Set()
    },
  })
}
