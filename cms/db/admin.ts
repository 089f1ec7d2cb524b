import pg from 'pg'

// Database-level chores on a server we own (embedded or a test cluster), over a maintenance URL.

async function withClient<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/** Creates `database` unless it exists; as a copy of `template` when given (fast: a file copy). */
export function ensureDatabase(adminUrl: string, database: string, template?: string): Promise<void> {
  return withClient(adminUrl, async (client) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])
    if (found.rowCount) return
    const from = template ? ` TEMPLATE ${client.escapeIdentifier(template)}` : ''
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}${from}`)
  })
}

export function dropDatabase(adminUrl: string, database: string): Promise<void> {
  return withClient(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(database)} WITH (FORCE)`)
  })
}

/** Closes every session on `database`, so it can serve as a template. */
export function disconnectAll(adminUrl: string, database: string): Promise<void> {
  return withClient(adminUrl, async (client) => {
    await client.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [database],
    )
  })
}

/** The same server's URL with another database name. */
export function withDatabase(url: string, database: string): string {
  const next = new URL(url)
  next.pathname = `/${encodeURIComponent(database)}`
  return next.toString()
}
