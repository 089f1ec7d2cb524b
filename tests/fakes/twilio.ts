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
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { type Context, OpenAPIBackend } from 'openapi-backend'
import { answerDelay, type Fault, sleep } from './faults'
import { withFormats } from './formats'
import { readBody } from './resend'
import type { SignedWebhook } from './webhook-outbox'
import { twilioSignature } from './webhook-signatures'

export const twilioSpec = fileURLToPath(
  new URL('../../../shared/specs/twilio_api_v2010.yaml', import.meta.url),
)

// Twilio's operation id; a computed key, as the linter reads a capitalised arrow as a React component.
const createMessage = 'CreateMessage'

export interface FakeTwilio {
  url: string
  close(): Promise<void>
}

interface Stats {
  requests: number
  rejected: number
  /** SMS accepted per recipient number; more than 1 is a resident who got the day twice. */
  deliveries: Record<string, number>
  /** The SMS accepted, in order, as a phone would show them. */
  messages: { to: string; body: string }[]
}

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
  const api = new OpenAPIBackend({
    definition: twilioSpec,
    quick: true,
    validate: true,
    customizeAjv: withFormats,
  })
  let stats: Stats = { requests: 0, rejected: 0, deliveries: {}, messages: [] }
  let faults: Fault[] = []
  let reach: Record<string, Reach> = {}
  let callbacks: StatusCallback[] = []
  /** `${sender}|${recipient}` pairs blocked by the recipient's STOP. */
  let optedOut = new Set<string>()
  type Answer = { status: number; body?: unknown; crash?: boolean; delayMs?: number }

  api.registerSecurityHandler('accountSid_authToken', (c) =>
    /^Basic \S+$/.test(String(c.request.headers.authorization ?? '')),
  )
  api.register({
    unauthorizedHandler: (): Answer => {
      stats.rejected++
      return { status: 401, body: { code: 20003, message: 'Authenticate', status: 401 } }
    },
    validationFail: (c): Answer => {
      stats.rejected++
      return { status: 400, body: { code: 21602, message: JSON.stringify(c.validation.errors), status: 400 } }
    },
    notFound: (): Answer => ({ status: 404, body: { code: 20404, message: 'Not found', status: 404 } }),
    notImplemented: (): Answer => ({ status: 501, body: { message: 'Not implemented' } }),
    [createMessage]: (c: Context): Answer => {
      const form = c.request.requestBody as {
        To: string
        From?: string
        Body?: string
        StatusCallback?: string
      }
      const [basicSid = ''] = atob(String(c.request.headers.authorization).replace(/^Basic /, '')).split(':')
      if (basicSid !== c.request.params.AccountSid) {
        stats.rejected++
        return { status: 401, body: { code: 20003, message: 'Authenticate', status: 401 } }
      }
      if (optedOut.has(`${form.From ?? ''}|${form.To}`))
        return {
          status: 400,
          body: {
            code: 21610,
            message: 'Attempt to send to unsubscribed recipient',
            more_info: 'https://www.twilio.com/docs/errors/21610',
            status: 400,
          },
        }
      const fault = faults.shift() ?? 'none'
      if (fault === 'server-error')
        return { status: 500, body: { code: 20500, message: 'Internal Server Error', status: 500 } }
      if (fault === 'rate-limited')
        return { status: 429, body: { code: 20429, message: 'Too Many Requests', status: 429 } }
      const end = reach[form.To] ?? { status: 'delivered' }
      if (end.status === 'refused')
        return {
          status: 400,
          body: {
            code: end.errorCode,
            message: `The 'To' number ${form.To} is not a valid phone number.`,
            more_info: `https://www.twilio.com/docs/errors/${end.errorCode}`,
            status: 400,
          },
        }
      stats.deliveries[form.To] = (stats.deliveries[form.To] ?? 0) + 1
      stats.messages.push({ to: form.To, body: form.Body ?? '' })
      const sid = `SM${randomUUID().replaceAll('-', '')}`
      if (form.StatusCallback) {
        const [accountSid = '', authToken = ''] = atob(
          String(c.request.headers.authorization).replace(/^Basic /, ''),
        ).split(':')
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
    },
  })
  await api.init()

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

  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req)
    const url = new URL(req.url ?? '/', 'http://fake')
    if (url.pathname.startsWith('/__fake/')) {
      if (url.pathname === '/__fake/faults') faults = JSON.parse(raw) as Fault[]
      if (url.pathname === '/__fake/webhook-config') reach = JSON.parse(raw) as Record<string, Reach>
      if (url.pathname === '/__fake/inbound') receive(JSON.parse(raw) as InboundReply)
      if (url.pathname === '/__fake/webhooks') {
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
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(signed))
        return
      }
      if (url.pathname === '/__fake/reset') {
        stats = { requests: 0, rejected: 0, deliveries: {}, messages: [] }
        faults = []
        reach = {}
        callbacks = []
        optedOut = new Set()
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(stats))
      return
    }
    stats.requests++
    const answer = (await api.handleRequest({
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers as Record<string, string>,
      body: Object.fromEntries(new URLSearchParams(raw)),
    })) as Answer
    if (answer.crash) {
      req.socket.destroy()
      return
    }
    if (answer.delayMs) await sleep(answer.delayMs)
    if (res.destroyed) return
    res.writeHead(answer.status, { 'content-type': 'application/json' })
    res.end(JSON.stringify(answer.body ?? {}))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
