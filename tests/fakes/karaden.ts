// A local stand-in for Karaden's SMS API (国内SMS): every request is validated against the
// repo's own description of it (edge/channels/specs/karaden-sms.yaml, form-encoded), SMS are
// counted per recipient number (Karaden takes no idempotency key: a second request is a second
// SMS), and faults can be injected (see ./faults).
import { randomUUID } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { type Context, OpenAPIBackend } from 'openapi-backend'
import { answerDelay, FaultQueue } from './faults'
import { withFormats } from './formats'
import { type Answer, type FakeServer, type SmsStats, startFakeServer } from './server'
import { WebhookOutbox } from './webhook-outbox'

export const karadenSpec = fileURLToPath(
  new URL('../../edge/channels/specs/karaden-sms.yaml', import.meta.url),
)

export type FakeKaraden = FakeServer

/** What the handset side does with an SMS to a number; `received` unless configured. */
type Reach = 'received' | 'unconnected' | 'error' | 'send-error'

const error = (status: number, code: string, message: string, errors?: Record<string, string[]>): Answer => ({
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
  const fresh = (): SmsStats => ({ requests: 0, rejected: 0, deliveries: {}, messages: [] })
  let stats = fresh()
  const faults = new FaultQueue()
  let webhooks: { path: string; reach: Record<string, Reach> } | null = null
  const reports = new WebhookOutbox()
  let reportCheck: ReportCheck = () => []

  return startFakeServer({
    spec: karadenSpec,
    auth: { scheme: 'bearerAuth', header: /^Bearer \S+$/ },
    stats: () => stats,
    faults,
    body: typedForm,
    unauthorized: () => error(401, 'unauthorized', 'Unauthorized'),
    invalid: (c) => {
      const errors: Record<string, string[]> = {}
      for (const e of c.validation.errors ?? []) {
        const field = e.instancePath.replace(/^\/(requestBody\/)?/, '') || 'request'
        errors[field] = [...(errors[field] ?? []), e.message ?? 'invalid']
      }
      return error(422, 'unprocessable_entity', 'Unprocessable Entity', errors)
    },
    notFound: () => error(404, 'not_found', 'Not Found'),
    notImplemented: () => error(501, 'not_implemented', 'Not Implemented'),
    operations: {
      createMessage: (c: Context): Answer => {
        const form = c.request.requestBody as { service_id: number; to: string; body: string }
        const fault = faults.next()
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
    },
    async ready(api) {
      reportCheck = await reportValidator(api)
    },
    async control(path, raw) {
      if (path === '/__fake/webhooks') {
        const taken = await reports.take(async () => ({
          'content-type': 'application/json',
          'karaden-version': '2023-01-01',
        }))
        const invalid = taken.flatMap((w) => reportCheck(w.headers, JSON.parse(w.body)))
        return invalid.length > 0 ? { status: 500, body: { invalid } } : { status: 200, body: taken }
      }
      if (path === '/__fake/webhook-config') webhooks = JSON.parse(raw) as typeof webhooks
      return undefined
    },
    reset() {
      stats = fresh()
      webhooks = null
      reports.clear()
    },
  })
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

/** A report's faults against the description's callback, as `path message` lines; none is valid. */
type ReportCheck = (headers: Record<string, string>, body: unknown) => string[]

/** Checks a report against the description's own callback (createMessage → deliveryReport). */
async function reportValidator(api: OpenAPIBackend): Promise<ReportCheck> {
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
  return (headers, body) => {
    const result = callback.validator.validateRequest(
      { method: 'post', path: '/delivery-report', headers, body },
      'deliveryReport',
    )
    return (result.errors ?? []).map((e) => `${e.instancePath} ${e.message}`)
  }
}
