// A local stand-in for the LINE Messaging API push endpoint: every request is validated against
// LINE's OpenAPI description (../shared/specs/line-messaging-api.yml), pushes are counted per
// X-Line-Retry-Key, a repeated key answers 409 without pushing again (as LINE does), replies are
// kept in order (each reply token good once), and faults can be injected: 500, 429 and a crash
// after the push was accepted for pushes; 500 for replies.
import { randomUUID } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { answerDelay, FaultQueue } from './faults'
import { type Answer, type Counts, type FakeServer, jsonBody, startFakeServer } from './server'
import { WebhookOutbox } from './webhook-outbox'
import { lineSignature } from './webhook-signatures'

export const lineSpec = fileURLToPath(
  new URL('../../../shared/specs/line-messaging-api.yml', import.meta.url),
)

export type FakeLine = FakeServer

interface Stats extends Counts {
  /** Pushes accepted per retry key; more than 1 is a duplicate message on a resident's phone. */
  deliveries: Record<string, number>
  /** Replies accepted, in order: the webhook's reply token and the texts. */
  replies: { replyToken: string; texts: string[] }[]
  /** Pushes accepted, in order: to whom and the texts. */
  pushes: { to: string; texts: string[] }[]
}

export async function startFakeLine(): Promise<FakeLine> {
  const fresh = (): Stats => ({ requests: 0, rejected: 0, deliveries: {}, replies: [], pushes: [] })
  let stats = fresh()
  const faults = new FaultQueue()
  const accepted = new Map<string, string>()
  const usedReplyTokens = new Set<string>()
  // A resident who blocks the official account: LINE posts an unfollow event to the channel's
  // webhook URL (`path`), signed with the channel secret.
  let webhooks: { channelSecret: string; path: string; destination: string } | null = null
  const outbox = new WebhookOutbox()
  const error = (status: number, message: string): Answer => ({ status, body: { message } })

  return startFakeServer({
    spec: lineSpec,
    auth: { scheme: 'Bearer', header: /^Bearer \S+$/ },
    stats: () => stats,
    faults,
    body: jsonBody,
    malformed: error(400, 'invalid JSON'),
    unauthorized: () => error(401, 'Authentication failed'),
    invalid: (c) => ({
      status: 400,
      body: { message: 'The request body has 1 error(s)', details: c.validation.errors },
    }),
    notFound: () => error(404, 'Not found'),
    notImplemented: () => error(501, 'Not implemented'),
    operations: {
      // A reply token answers once (LINE refuses a second reply with 400 Invalid reply token).
      replyMessage: (c): Answer => {
        const request = c.request.requestBody as { replyToken: string; messages: { text?: string }[] }
        if (usedReplyTokens.has(request.replyToken)) return error(400, 'Invalid reply token')
        const fault = faults.next()
        if (fault === 'server-error') return error(500, 'Internal server error')
        usedReplyTokens.add(request.replyToken)
        stats.replies.push({
          replyToken: request.replyToken,
          texts: request.messages.map((m) => m.text ?? ''),
        })
        return {
          status: 200,
          body: { sentMessages: request.messages.map(() => ({ id: String(Date.now()) })) },
        }
      },
      pushMessage: (c): Answer => {
        const key = c.request.headers['x-line-retry-key'] as string | undefined
        if (key && accepted.has(key)) {
          return {
            ...error(409, 'The retry key is already accepted'),
            headers: { 'x-line-accepted-request-id': accepted.get(key)! },
          }
        }
        const fault = faults.next()
        if (fault === 'server-error') return error(500, 'Internal server error')
        if (fault === 'rate-limited') return error(429, 'Too many requests')
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
    },
    async control(path, raw) {
      if (path === '/__fake/webhooks') {
        const secret = webhooks?.channelSecret ?? ''
        const taken = await outbox.take(async (body) => ({
          'content-type': 'application/json; charset=utf-8',
          'x-line-signature': await lineSignature(secret, body),
        }))
        return { status: 200, body: taken }
      }
      if (path === '/__fake/webhook-config') webhooks = JSON.parse(raw) as typeof webhooks
      if (path === '/__fake/unfollow' && webhooks) {
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
      return undefined
    },
    reset() {
      stats = fresh()
      accepted.clear()
      usedReplyTokens.clear()
      webhooks = null
      outbox.clear()
    },
  })
}
