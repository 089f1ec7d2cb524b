// The plumbing the fake providers share: an http server on a free port of 127.0.0.1 that reads
// each request, counts it, validates it against the provider's OpenAPI description and answers
// JSON — or drops the connection or holds the answer, as the fault a test queued says — plus the
// test's control routes under /__fake/ (a test inside workerd cannot call this process, only its
// URL). A fake brings only what is its provider's own: the description, the auth header, the
// operations, its error bodies, its extra control routes.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { type Context, OpenAPIBackend } from 'openapi-backend'
import { type FaultQueue, sleep } from './faults'
import { withFormats } from './formats'

/** What a fake answers a request with. */
export interface Answer {
  status: number
  body?: unknown
  headers?: Record<string, string>
  /** Drop the connection instead of answering (accepted, then the provider crashed). */
  crash?: boolean
  /** Hold the answer this long. */
  delayMs?: number
}

/** The counters every fake keeps (its stats add what it delivered). */
export interface Counts {
  requests: number
  /** Requests refused as the provider refuses them: credentials, body or spec. */
  rejected: number
}

/** An SMS provider's stats (Twilio, Karaden: no idempotency key, so a second request is a second SMS). */
export interface SmsStats extends Counts {
  /** SMS accepted per recipient number; more than 1 is a resident who got the day twice. */
  deliveries: Record<string, number>
  /** The SMS accepted, in order, as a phone would show them. */
  messages: { to: string; body: string }[]
}

export interface FakeServer {
  url: string
  close(): Promise<void>
}

export interface Provider {
  /** Path of the provider's OpenAPI description; every request is validated against it. */
  spec: string
  /** The description's security scheme and the Authorization header that passes it. */
  auth: { scheme: string; header: RegExp }
  /** The fake's stats as they are now (a reset may replace the object); control routes answer them. */
  stats(): Counts
  faults: FaultQueue
  /** The request body as the operations read it; if this throws, `malformed` is answered. */
  body(raw: string): unknown
  malformed?: Answer
  /** The provider's own answers to a request without good credentials (counted as rejected). */
  unauthorized(): Answer
  /** … to a request its description refuses (counted as rejected). */
  invalid(c: Context): Answer
  notFound(): Answer
  notImplemented(): Answer
  /** The operations the fake serves, by the description's operationId. */
  operations: Record<string, (c: Context) => Answer>
  /** Called with the loaded description before the server listens. */
  ready?(api: OpenAPIBackend): Promise<void>
  /**
   * Control routes beyond /__fake/faults (the queued faults) and /__fake/reset (which clears
   * them and calls `reset`): an answer, or undefined to answer the stats.
   */
  control?(path: string, raw: string, url: URL): Answer | undefined | Promise<Answer | undefined>
  reset(): void
}

/** A JSON request body; an empty body is none. */
export const jsonBody = (raw: string): unknown => (raw ? JSON.parse(raw) : undefined)

export async function startFakeServer(provider: Provider): Promise<FakeServer> {
  const api = new OpenAPIBackend({
    definition: provider.spec,
    quick: true,
    validate: true,
    customizeAjv: withFormats,
  })
  api.registerSecurityHandler(provider.auth.scheme, (c) =>
    provider.auth.header.test(String(c.request.headers.authorization ?? '')),
  )
  api.register({
    unauthorizedHandler: (): Answer => {
      provider.stats().rejected++
      return provider.unauthorized()
    },
    validationFail: (c): Answer => {
      provider.stats().rejected++
      return provider.invalid(c)
    },
    notFound: () => provider.notFound(),
    notImplemented: () => provider.notImplemented(),
    ...provider.operations,
  })
  await api.init()
  await provider.ready?.(api)

  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req)
    const url = new URL(req.url ?? '/', 'http://fake')
    if (url.pathname.startsWith('/__fake/')) {
      if (url.pathname === '/__fake/faults') provider.faults.set(JSON.parse(raw))
      if (url.pathname === '/__fake/reset') {
        provider.faults.clear()
        provider.reset()
      }
      const answer = await provider.control?.(url.pathname, raw, url)
      send(res, answer ?? { status: 200, body: provider.stats() })
      return
    }
    provider.stats().requests++
    let body: unknown
    try {
      body = provider.body(raw)
    } catch {
      provider.stats().rejected++
      send(res, provider.malformed ?? { status: 400 })
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
    send(res, answer)
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

function send(res: ServerResponse, answer: Answer): void {
  res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers })
  res.end(JSON.stringify(answer.body ?? {}))
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
