// A local stand-in for the LINE Messaging API push endpoint: every request is validated against
// LINE's OpenAPI description (../shared/specs/line-messaging-api.yml), pushes are counted per
// X-Line-Retry-Key, a repeated key answers 409 without pushing again (as LINE does), replies are
// kept in order (each reply token good once), and faults can be injected: 500, 429 and a crash
// after the push was accepted for pushes; 500 for replies.
import { randomUUID } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { OpenAPIBackend } from 'openapi-backend'
import { answerDelay, type Fault, sleep } from './faults'
import { withFormats } from './formats'
import { readBody } from './resend'
import { WebhookOutbox } from './webhook-outbox'
import { lineSignature } from './webhook-signatures'

export const lineSpec = fileURLToPath(
  new URL('../../../shared/specs/line-messaging-api.yml', import.meta.url),
)

export interface FakeLine {
  url: string
  close(): Promise<void>
}

interface Stats {
  requests: number
  rejected: number
  /** Pushes accepted per retry key; more than 1 is a duplicate message on a resident's phone. */
  deliveries: Record<string, number>
  /** Replies accepted, in order: the webhook's reply token and the texts. */
  replies: { replyToken: string; texts: string[] }[]
  /** Pushes accepted, in order: to whom and the texts. */
  pushes: { to: string; texts: string[] }[]
}

export async function startFakeLine(): Promise<FakeLine> {
  const api = new OpenAPIBackend({
    definition: lineSpec,
    quick: true,
    validate: true,
    customizeAjv: withFormats,
  })
  let stats: Stats = { requests: 0, rejected: 0, deliveries: {}, replies: [], pushes: [] }
  let faults: Fault[] = []
  const accepted = new Map<string, string>()
  const usedReplyTokens = new Set<string>()
  // A resident who blocks the official account: LINE posts an unfollow event to the channel's
  // webhook URL (`path`), signed with the channel secret.
  let webhooks: { channelSecret: string; path: string; destination: string } | null = null
  const outbox = new WebhookOutbox()
  type Answer = {
    status: number
    body?: unknown
    headers?: Record<string, string>
    crash?: boolean
    delayMs?: number
  }

  api.registerSecurityHandler('Bearer', (c) =>
    /^Bearer \S+$/.test(String(c.request.headers.authorization ?? '')),
  )
  api.register({
    unauthorizedHandler: (): Answer => {
      stats.rejected++
      return { status: 401, body: { message: 'Authentication failed' } }
    },
    validationFail: (c): Answer => {
      stats.rejected++
      return {
        status: 400,
        body: { message: 'The request body has 1 error(s)', details: c.validation.errors },
      }
    },
    notFound: (): Answer => ({ status: 404, body: { message: 'Not found' } }),
    notImplemented: (): Answer => ({ status: 501, body: { message: 'Not implemented' } }),
    // A reply token answers once (LINE refuses a second reply with 400 Invalid reply token).
    replyMessage: (c): Answer => {
      const request = c.request.requestBody as { replyToken: string; messages: { text?: string }[] }
      if (usedReplyTokens.has(request.replyToken)) {
        return { status: 400, body: { message: 'Invalid reply token' } }
      }
      const fault = faults.shift() ?? 'none'
      if (fault === 'server-error') return { status: 500, body: { message: 'Internal server error' } }
      usedReplyTokens.add(request.replyToken)
      stats.replies.push({
        replyToken: request.replyToken,
        texts: request.messages.map((m) => m.text ?? ''),
      })
      return { status: 200, body: { sentMessages: request.messages.map(() => ({ id: String(Date.now()) })) } }
    },
    pushMessage: (c): Answer => {
      const key = c.request.headers['x-line-retry-key'] as string | undefined
      if (key && accepted.has(key)) {
        return {
          status: 409,
          headers: { 'x-line-accepted-request-id': accepted.get(key)! },
          body: { message: 'The retry key is already accepted' },
        }
      }
      const fault = faults.shift() ?? 'none'
      if (fault === 'server-error') return { status: 500, body: { message: 'Internal server error' } }
      if (fault === 'rate-limited') return { status: 429, body: { message: 'Too many requests' } }
      const ref = key ?? `no-key-${randomUUID()}`
      stats.deliveries[ref] = (stats.deliveries[ref] ?? 0) + 1
      const request = c.request.requestBody as { to: string; messages: { text?: string }[] }
      stats.pushes.push({ to: request.to, texts: request.messages.map((m) => m.text ?? '') })
      const requestId = randomUUID()
      if (key) accepted.set(key, requestId)
      return {
        status: 200,
        headers: { 'x-line-request-id': requestId },
        body: { sentMessages: [{ id: String(Date.now()) }] },
        crash: fault === 'crash-after-accept',
        delayMs: answerDelay(fault),
      }
    },
  })
  await api.init()

  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req)
    const url = new URL(req.url ?? '/', 'http://fake')
    if (url.pathname === '/__fake/webhooks') {
      const secret = webhooks?.channelSecret ?? ''
      const taken = await outbox.take(async (body) => ({
        'content-type': 'application/json; charset=utf-8',
        'x-line-signature': await lineSignature(secret, body),
      }))
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(taken))
      return
    }
    if (url.pathname.startsWith('/__fake/')) {
      if (url.pathname === '/__fake/faults') faults = JSON.parse(raw) as Fault[]
      if (url.pathname === '/__fake/webhook-config') webhooks = JSON.parse(raw) as typeof webhooks
      if (url.pathname === '/__fake/unfollow' && webhooks) {
        const { userId } = JSON.parse(raw) as { userId: string }
        outbox.add(webhooks.path, {
          destination: webhooks.destination,
          events: [
            {
              type: 'unfollow',
              mode: 'active',
              timestamp: Date.now(),
              source: { type: 'user', userId },
              webhookEventId: randomUUID().replaceAll('-', '').toUpperCase().slice(0, 26),
              deliveryContext: { isRedelivery: false },
            },
          ],
        })
      }
      if (url.pathname === '/__fake/reset') {
        stats = { requests: 0, rejected: 0, deliveries: {}, replies: [], pushes: [] }
        faults = []
        accepted.clear()
        usedReplyTokens.clear()
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
      res.writeHead(400, { 'content-type': 'application/json' }).end('{"message":"invalid JSON"}')
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
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
