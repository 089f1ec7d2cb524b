// A local stand-in for Resend's API: every request is validated against Resend's own OpenAPI
// description (../shared/specs/resend.yaml, beside the repo), deliveries are counted per
// X-Entity-Ref-ID (our delivery key), Idempotency-Key is honoured as Resend documents it, and
// faults can be injected: 500, 429 with retry-after, and a crash after the emails were accepted.
import { createHash, randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { OpenAPIBackend } from 'openapi-backend'
import { answerDelay, type Fault, sleep } from './faults'
import { withFormats } from './formats'
import { WebhookOutbox } from './webhook-outbox'
import { svixHeaders } from './webhook-signatures'

export const resendSpec = fileURLToPath(new URL('../../../shared/specs/resend.yaml', import.meta.url))

export type { Fault } from './faults'

export interface FakeResendStats {
  requests: number
  rejected: number
  /** Times each delivery key was accepted for sending; more than 1 is a duplicate email. */
  deliveries: Record<string, number>
}

export interface FakeResend {
  url: string
  stats(): FakeResendStats
  /** Faults for the next requests, in order; then every request succeeds. */
  inject(faults: Fault[]): void
  reset(): void
  close(): Promise<void>
}

/** An email the fake accepted, as a test reads it back (GET /__fake/emails?to=…). */
export interface AcceptedEmail {
  ref: string
  from: string
  to: string[]
  subject: string
  text?: string
}

/** Enough for any one test's transactional mails; the oldest go first. */
const keptEmails = 1000

interface Stored {
  payloadHash: string
  body: unknown
}

export async function startFakeResend(): Promise<FakeResend> {
  const api = new OpenAPIBackend({
    definition: resendSpec,
    quick: true,
    validate: true,
    customizeAjv: withFormats,
  })
  let stats: FakeResendStats = { requests: 0, rejected: 0, deliveries: {} }
  let faults: Fault[] = []
  const keys = new Map<string, Stored>()
  let accepted: AcceptedEmail[] = []
  const inFlight = new Set<string>()
  // Addresses whose mail server bounces, or whose reader marks the mail as spam: each accepted
  // email to one of them becomes an email.bounced / email.complained event for `path`.
  let webhooks: { secret: string; path: string; bounce: string[]; complain: string[] } | null = null
  const outbox = new WebhookOutbox()
  function emitEvents(email: { from: string; to: string[]; subject: string }, id: string) {
    if (!webhooks) return
    const now = new Date().toISOString()
    const data = { email_id: id, created_at: now, from: email.from, to: email.to, subject: email.subject }
    if (email.to.some((a) => webhooks!.bounce.includes(a))) {
      const bounce = {
        diagnosticCode: ['smtp; 550 5.1.1 user unknown'],
        message: 'The recipient does not exist.',
        subType: 'General',
        type: 'Permanent',
      }
      outbox.add(webhooks.path, { type: 'email.bounced', created_at: now, data: { ...data, bounce } })
    }
    if (email.to.some((a) => webhooks!.complain.includes(a)))
      outbox.add(webhooks.path, { type: 'email.complained', created_at: now, data })
  }

  type Answer = {
    status: number
    body?: unknown
    headers?: Record<string, string>
    crash?: boolean
    delayMs?: number
  }
  api.registerSecurityHandler('bearerAuth', (c) =>
    /^Bearer re_\S+$/.test(String(c.request.headers.authorization ?? '')),
  )
  api.register({
    unauthorizedHandler: (): Answer => {
      stats.rejected++
      return { status: 401, body: { statusCode: 401, name: 'missing_api_key', message: 'Missing API key' } }
    },
    validationFail: (c): Answer => {
      stats.rejected++
      return {
        status: 422,
        body: { statusCode: 422, name: 'validation_error', message: JSON.stringify(c.validation.errors) },
      }
    },
    notFound: (): Answer => ({
      status: 404,
      body: { statusCode: 404, name: 'not_found', message: 'not found' },
    }),
    notImplemented: (): Answer => ({
      status: 501,
      body: { statusCode: 501, name: 'not_implemented', message: '' },
    }),
    'emails/send-batch': (c): Answer => {
      const emails = c.request.requestBody as { headers?: Record<string, string> }[]
      const key = c.request.headers['idempotency-key'] as string | undefined
      const payloadHash = createHash('sha256').update(JSON.stringify(emails)).digest('hex')
      if (key) {
        const stored = keys.get(key)
        if (stored && stored.payloadHash !== payloadHash) {
          return {
            status: 409,
            body: { statusCode: 409, name: 'invalid_idempotent_request', message: 'same key, other payload' },
          }
        }
        if (stored) return { status: 200, body: stored.body }
        if (inFlight.has(key)) {
          return {
            status: 409,
            body: { statusCode: 409, name: 'concurrent_idempotent_requests', message: '' },
          }
        }
      }
      const fault = faults.shift() ?? 'none'
      if (fault === 'server-error')
        return { status: 500, body: { statusCode: 500, name: 'internal_server_error', message: '' } }
      if (fault === 'rate-limited') {
        return {
          status: 429,
          headers: { 'retry-after': '1' },
          body: { statusCode: 429, name: 'rate_limit_exceeded', message: 'Too many requests' },
        }
      }
      for (const email of emails) {
        const ref = email.headers?.['X-Entity-Ref-ID'] ?? `no-ref-${randomUUID()}`
        stats.deliveries[ref] = (stats.deliveries[ref] ?? 0) + 1
        const { from, to, subject, text } = email as Omit<AcceptedEmail, 'ref'>
        accepted.push({ ref, from, to, subject, ...(text ? { text } : {}) })
      }
      if (accepted.length > keptEmails) accepted = accepted.slice(-keptEmails)
      const body = { data: emails.map(() => ({ id: randomUUID() })) }
      for (const [i, email] of emails.entries()) emitEvents(email as never, body.data[i]!.id)
      if (key) keys.set(key, { payloadHash, body })
      return { status: 200, body, crash: fault === 'crash-after-accept', delayMs: answerDelay(fault) }
    },
  })
  await api.init()

  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req)
    const url = new URL(req.url ?? '/', 'http://fake')
    // Control routes for tests running inside workerd, which cannot call this process directly.
    if (url.pathname === '/__fake/webhooks') {
      const secret = webhooks?.secret ?? ''
      const taken = await outbox.take((body) => svixHeaders(secret, body))
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(taken))
      return
    }
    if (url.pathname === '/__fake/emails') {
      const to = url.searchParams.get('to')
      const emails = to ? accepted.filter((e) => e.to.includes(to)) : accepted
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(emails))
      return
    }
    if (url.pathname.startsWith('/__fake/')) {
      if (url.pathname === '/__fake/faults') faults = JSON.parse(raw) as Fault[]
      if (url.pathname === '/__fake/webhook-config') webhooks = JSON.parse(raw) as typeof webhooks
      if (url.pathname === '/__fake/reset') {
        stats = { requests: 0, rejected: 0, deliveries: {} }
        faults = []
        keys.clear()
        accepted = []
        webhooks = null
        outbox.clear()
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(stats))
      return
    }
    stats.requests++
    let body: unknown
    try {
      body = raw ? JSON.parse(raw) : undefined
    } catch {
      stats.rejected++
      res.writeHead(400, { 'content-type': 'application/json' }).end('{"name":"invalid_json"}')
      return
    }
    const answer = (await api.handleRequest({
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers as Record<string, string>,
      body,
    })) as Answer
    if (answer.crash) {
      req.socket.destroy()
      return
    }
    if (answer.delayMs) await sleep(answer.delayMs)
    if (res.destroyed) return
    res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers })
    res.end(JSON.stringify(answer.body ?? {}))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    stats: () => structuredClone(stats),
    inject(next) {
      faults = [...next]
    },
    reset() {
      stats = { requests: 0, rejected: 0, deliveries: {} }
      faults = []
      keys.clear()
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = ''
    req.setEncoding('utf8')
    req.on('data', (chunk) => (data += chunk))
    req.on('end', () => resolve(data))
    req.on('error', reject)
  })
}
