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
}

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
  let stats: Stats = { requests: 0, rejected: 0, deliveries: {} }
  let faults: Fault[] = []
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
      const now = new Date().toISOString()
      return {
        status: 200,
        body: {
          id: randomUUID(),
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

  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req)
    const url = new URL(req.url ?? '/', 'http://fake')
    if (url.pathname.startsWith('/__fake/')) {
      if (url.pathname === '/__fake/faults') faults = JSON.parse(raw) as Fault[]
      if (url.pathname === '/__fake/reset') {
        stats = { requests: 0, rejected: 0, deliveries: {} }
        faults = []
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
