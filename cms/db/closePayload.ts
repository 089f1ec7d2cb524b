import type { Payload } from 'payload'

type PgClient = { release?: () => void; on?: (event: 'error', listener: () => void) => void }
type PgPool = {
  end: () => Promise<void>
  on?: (event: 'error', listener: () => void) => void
  ended?: boolean
  _clients?: PgClient[]
  _idle?: { client: PgClient }[]
}

/**
 * payload.destroy() resets the adapter but leaves its connection pool open, which keeps the
 * process alive and the database "in use". Its connect() also keeps one client checked out for
 * the life of the process (pg-pool's end() waits for it forever), so hand that one back first.
 */
export async function closePayload(payload: Payload): Promise<void> {
  const pool = (payload.db as { pool?: PgPool }).pool
  await payload.destroy()
  if (!pool || pool.ended) return
  // A connection still open after this is ended by the server (a test drops its database WITH
  // FORCE): its "terminating connection" error is expected, not an unhandled one.
  const expected = () => {}
  pool.on?.('error', expected)
  for (const client of pool._clients ?? []) client.on?.('error', expected)
  const ending = pool.end()
  const idle = new Set((pool._idle ?? []).map((item) => item.client))
  for (const client of pool._clients ?? []) if (!idle.has(client)) client.release?.()
  await ending
}
