// A local stand-in for Karaden's SMS API (国内SMS): every request is validated against the
// repo's own description of it (edge/channels/specs/karaden-sms.yaml, form-encoded), SMS are
// counted per recipient number (Karaden takes no idempotency key: a second request is a second
// SMS), and faults can be injected (see ./faults).
import { randomUUID } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { type Context, OpenAPIBackend } from 'openapi-backend'
import { answerDelay, type Fault, sleep } from './faults'
import { withFormats } from './formats'
import { readBody } from './resend'
import { WebhookOutbox } from './webhook-outbox'

export const karadenSpec = fileURLToPath(
  new URL('../../edge/channels/specs/karaden-sms.yaml', import.meta.url),
)

export interface FakeKaraden {
  url: string
  close(): Promise<void>
}

interface Stats {
  requests: number
  rejected: number
  /** SMS accepted per recipient number; more than 1 is a resident who got the day twice. */
  deliveries: Record<string, number>
  /** Every SMS accepted, in order. */
  messages: { to: string; body: string }[]
}

/** What the handset side does with an SMS to a number; `received` unless configured. */
type Reach = 'received' | 'unconnected' | 'error' | 'send-error'

const error = (status: number, code: string, message: string, errors?: Record<string, string[]>) => ({
  status,
  body: { object: 'error', code, message, ...(errors ? { errors } : {}) },
})

// A form carries only text: numbers and booleans are read back as the description types them,
// so a value that is not one stays text and fails validation.
function typedForm(raw: string): Record<string, unknown> {
  const form: Record<string, unknown> = Object.fromEntries(new URLSearchParams(raw))
  if (typeof form.service_id === 'string' && /^\d+$/.test(form.service_id))
    form.service_id = Number(form.service_id)
  if (form.is_shorten === 'true' || form.is_shorten === 'false') form.is_shorten = form.is_shorten === 'true'
  return form
}

export async function startFakeKaraden(): Promise<FakeKaraden> {
  const api = new OpenAPIBackend({
    definition: karadenSpec,
    quick: true,
    validate: true,
    customizeAjv: withFormats,
  })
  let stats: Stats = { requests: 0, rejected: 0, deliveries: {}, messages: [] }
  let faults: Fault[] = []
  let webhooks: { path: string; reach: Record<string, Reach> } | null = null
  const reports = new WebhookOutbox()
  type Answer = { status: number; body?: unknown; crash?: boolean; delayMs?: number }

  api.registerSecurityHandler('bearerAuth', (c) =>
    /^Bearer \S+$/.test(String(c.request.headers.authorization ?? '')),
  )
  api.register({
    unauthorizedHandler: (): Answer => {
      stats.rejected++
      return error(401, 'unauthorized', 'Unauthorized')
    },
    validationFail: (c): Answer => {
      stats.rejected++
      const errors: Record<string, string[]> = {}
      for (const e of c.validation.errors ?? []) {
        const field = e.instancePath.replace(/^\/(requestBody\/)?/, '') || 'request'
        errors[field] = [...(errors[field] ?? []), e.message ?? 'invalid']
      }
      return error(422, 'unprocessable_entity', 'Unprocessable Entity', errors)
    },
    notFound: (): Answer => error(404, 'not_found', 'Not Found'),
    notImplemented: (): Answer => error(501, 'not_implemented', 'Not Implemented'),
    createMessage: (c: Context): Answer => {
      const form = c.request.requestBody as { service_id: number; to: string; body: string }
      const fault = faults.shift() ?? 'none'
      if (fault === 'server-error') return error(500, 'internal_server_error', 'Internal Server Error')
      if (fault === 'rate-limited') return error(429, 'too_many_requests', 'Too Many Requests')
      stats.deliveries[form.to] = (stats.deliveries[form.to] ?? 0) + 1
      stats.messages.push({ to: form.to, body: form.body })
      const now = new Date().toISOString()
      const id = randomUUID()
      if (webhooks) reports.add(webhooks.path, report(id, form, webhooks.reach[form.to] ?? 'received'))
      return {
        status: 200,
        body: {
          id,
          object: 'message',
          service_id: form.service_id,
          billing_address_id: 1,
          to: form.to,
          body: form.body,
          tags: [],
          is_shorten: false,
          result: 'processing',
          status: 'waiting',
          sent_result: 'none',
          carrier: 'docomo',
          charged_count_per_sent: Math.max(1, Math.ceil(form.body.length / 67)),
          scheduled_at: null,
          limited_at: null,
          sent_at: null,
          received_at: null,
          charged_at: null,
          created_at: now,
          updated_at: now,
        },
        crash: fault === 'crash-after-accept',
        delayMs: answerDelay(fault),
      }
    },
  })
  await api.init()
  const reportCheck = await reportValidator(api)

  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req)
    const url = new URL(req.url ?? '/', 'http://fake')
    if (url.pathname === '/__fake/webhooks') {
      const taken = await reports.take(async () => ({
        'content-type': 'application/json',
        'karaden-version': '2023-01-01',
      }))
      const invalid = taken.flatMap((w) => reportCheck(w.headers, JSON.parse(w.body)))
      res
        .writeHead(invalid.length > 0 ? 500 : 200, { 'content-type': 'application/json' })
        .end(JSON.stringify(invalid.length > 0 ? { invalid } : taken))
      return
    }
    if (url.pathname.startsWith('/__fake/')) {
      if (url.pathname === '/__fake/webhook-config') webhooks = JSON.parse(raw) as typeof webhooks
      if (url.pathname === '/__fake/faults') faults = JSON.parse(raw) as Fault[]
      if (url.pathname === '/__fake/reset') {
        stats = { requests: 0, rejected: 0, deliveries: {}, messages: [] }
        faults = []
        webhooks = null
        reports.clear()
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
      body: typedForm(raw),
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

/** The callback's body for one accepted SMS, as SMS送達結果通知 describes it. */
function report(id: string, form: { service_id: number; body: string }, reach: Reach) {
  const now = new Date().toISOString()
  const sent = reach !== 'send-error'
  return {
    id,
    object: 'message',
    project_id: 1,
    service_id: form.service_id,
    billing_address_id: 1,
    tags: [],
    is_shorten: false,
    result: 'done',
    status: sent ? 'done' : 'error',
    sent_result: sent ? reach : 'none',
    carrier: sent ? 'docomo' : 'unknown',
    charged_count_per_sent: Math.max(1, Math.ceil(form.body.length / 67)),
    scheduled_at: null,
    limited_at: null,
    sent_at: sent ? now : null,
    received_at: reach === 'received' ? now : null,
    charged_at: sent ? now : null,
    created_at: now,
    updated_at: now,
  }
}

/** Checks a report against the description's own callback (createMessage → deliveryReport). */
async function reportValidator(api: OpenAPIBackend) {
  const callbacks = api.definition.paths?.['/api/{tenant_id}/messages']?.post?.callbacks as Record<
    string,
    Record<string, unknown>
  >
  const pathItem = Object.values(callbacks.deliveryReport!)[0]
  const callback = new OpenAPIBackend({
    definition: {
      openapi: '3.0.3',
      info: { title: 'Karaden delivery report', version: '2023-01-01' },
      paths: { '/delivery-report': pathItem as never },
    },
    quick: true,
    validate: true,
    customizeAjv: withFormats,
  })
  await callback.init()
  return (headers: Record<string, string>, body: unknown): string[] => {
    const result = callback.validator.validateRequest(
      { method: 'post', path: '/delivery-report', headers, body },
      'deliveryReport',
    )
    return (result.errors ?? []).map((e) => `${e.instancePath} ${e.message}`)
  }
}
