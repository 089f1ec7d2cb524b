// The network between the admin and the Worker, on the port the admin was configured to publish
// to: it passes requests through unchanged, or carries them with another bearer token (a CMS whose
// ingest token no longer matches the edge's), or is not there at all (an unreachable edge). The
// Worker itself answers every request that reaches it.
import { createServer, request, type Server } from 'node:http'

export type LinkMode = 'pass' | 'wrong-token' | 'down'

export interface EdgeLink {
  setMode(mode: LinkMode): Promise<void>
  close(): Promise<void>
}

export async function startEdgeLink({ port, target }: { port: number; target: string }): Promise<EdgeLink> {
  const to = new URL(target)
  let mode: LinkMode = 'pass'
  const server: Server = createServer((incoming, outgoing) => {
    const headers = { ...incoming.headers, host: to.host }
    if (mode === 'wrong-token') headers.authorization = 'Bearer not-the-edge-token'
    const forwarded = request(
      { hostname: to.hostname, port: to.port, path: incoming.url, method: incoming.method, headers },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(outgoing)
      },
    )
    forwarded.on('error', () => outgoing.destroy())
    incoming.pipe(forwarded)
  })
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject)
        resolve()
      })
    })
  const stop = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve()
      server.close(() => resolve())
      server.closeAllConnections()
    })
  await listen()
  return {
    async setMode(next) {
      if (next === 'down') await stop()
      else if (!server.listening) await listen()
      mode = next
    },
    close: stop,
  }
}
