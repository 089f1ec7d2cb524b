// A local stand-in for Resend's API: every request is validated against Resend's own OpenAPI
// description (../shared/specs/resend.yaml, beside the repo), deliveries are counted per
// X-Entity-Ref-ID (our delivery key), Idempotency-Key is honoured as Resend documents it, and
// faults can be injected: 500, 429 with retry-after, and a crash after the emails were accepted.
import { createHash, randomUUID } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { answerDelay, type Fault, FaultQueue } from './faults'
import { type Answer, jsonBody, startFakeServer } from './server'
import { WebhookOutbox } from './webhook-outbox'
import { svixHeaders } from './webhook-signatures'

export const resendSpec = fileURLToPath(new URL('../../../shared/specs/resend.yaml', import.meta.url))

export type { Fault } from './faults'
// The other fakes once read their bodies with resend's; kept for any importer outside this folder.
export { readBody } from './server'

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
  cc?: string[]
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
  const fresh = (): FakeResendStats => ({ requests: 0, rejected: 0, deliveries: {} })
  let stats = fresh()
  const faults = new FaultQueue()
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
  const error = (status: number, name: string, message = ''): Answer => ({
    status,
    body: { statusCode: status, name, message },
  })

  const server = await startFakeServer({
    spec: resendSpec,
    auth: { scheme: 'bearerAuth', header: /^Bearer re_\S+$/ },
    stats: () => stats,
    faults,
    body: jsonBody,
    malformed: { status: 400, body: { name: 'invalid_json' } },
    unauthorized: () => error(401, 'missing_api_key', 'Missing API key'),
    invalid: (c) => error(422, 'validation_error', JSON.stringify(c.validation.errors)),
    notFound: () => error(404, 'not_found', 'not found'),
    notImplemented: () => error(501, 'not_implemented'),
    operations: {
      'emails/send-batch': (c): Answer => {
        const emails = c.request.requestBody as { headers?: Record<string, string> }[]
        const key = c.request.headers['idempotency-key'] as string | undefined
        const payloadHash = createHash('sha256').update(JSON.stringify(emails)).digest('hex')
        if (key) {
          const stored = keys.get(key)
          if (stored && stored.payloadHash !== payloadHash)
            return error(409, 'invalid_idempotent_request', 'same key, other payload')
          if (stored) return { status: 200, body: stored.body }
          if (inFlight.has(key)) return error(409, 'concurrent_idempotent_requests')
        }
        const fault = faults.next()
        if (fault === 'server-error') return error(500, 'internal_server_error')
        if (fault === 'rate-limited')
          return {
            ...error(429, 'rate_limit_exceeded', 'Too many requests'),
            headers: { 'retry-after': '1' },
          }
        for (const email of emails) {
          const ref = email.headers?.['X-Entity-Ref-ID'] ?? `no-ref-${randomUUID()}`
          stats.deliveries[ref] = (stats.deliveries[ref] ?? 0) + 1
          const { from, to, cc, subject, text } = email as Omit<AcceptedEmail, 'ref'>
          accepted.push({ ref, from, to, subject, ...(cc ? { cc } : {}), ...(text ? { text } : {}) })
        }
        if (accepted.length > keptEmails) accepted = accepted.slice(-keptEmails)
        const body = { data: emails.map(() => ({ id: randomUUID() })) }
        for (const [i, email] of emails.entries()) emitEvents(email as never, body.data[i]!.id)
        if (key) keys.set(key, { payloadHash, body })
        return { status: 200, body, crash: fault === 'crash-after-accept', delayMs: answerDelay(fault) }
      },
    },
    async control(path, raw, url) {
      if (path === '/__fake/webhooks') {
        const secret = webhooks?.secret ?? ''
        return { status: 200, body: await outbox.take((body) => svixHeaders(secret, body)) }
      }
      if (path === '/__fake/emails') {
        const to = url.searchParams.get('to')
        return { status: 200, body: to ? accepted.filter((e) => e.to.includes(to)) : accepted }
      }
      if (path === '/__fake/webhook-config') webhooks = JSON.parse(raw) as typeof webhooks
      return undefined
    },
    reset() {
      stats = fresh()
      keys.clear()
      accepted = []
      webhooks = null
      outbox.clear()
    },
  })
  return {
    ...server,
    stats: () => structuredClone(stats),
    inject: (next) => faults.set(next),
    // Unlike /__fake/reset, keeps the accepted emails and the webhook configuration.
    reset() {
      stats = fresh()
      faults.clear()
      keys.clear()
    },
  }
}
