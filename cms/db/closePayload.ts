import type { Payload } from 'payload'

type PgClient = { release?: () => void }
type PgPool = {
  end: () => Promise<void>
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
  const ending = pool.end()
  const idle = new Set((pool._idle ?? []).map((item) => item.client))
  for (const client of pool._clients ?? []) if (!idle.has(client)) client.release?.()
  await ending
}
