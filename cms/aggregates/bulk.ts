import type { Payload, PayloadRequest } from 'payload'

// The Postgres adapter's own parts (@payloadcms/drizzle): its tables by name, its transactions by
// id, and its insert, which takes many rows in one statement.
interface DrizzleAdapter {
  drizzle: unknown
  sessions?: Record<string, { db: unknown } | undefined>
  tableNameMap: Map<string, string>
  insert(args: { db: unknown; tableName: string; values: Record<string, unknown>[] }): Promise<unknown>
}

/** Rows a statement: Postgres takes at most 65,535 parameters, and a count row has about ten. */
const rowsPerStatement = 1000

/**
 * `rows` into `slug`'s table in multi-row INSERTs, inside `req`'s transaction: the counts of a
 * report are thousands of rows, one `payload.create` each would be thousands of round trips.
 * Server code only: no hooks or access run, so callers validate first (the contract does).
 */
export async function insertRows(
  payload: Payload,
  req: PayloadRequest,
  slug: string,
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0) return
  const adapter = payload.db as unknown as DrizzleAdapter
  const tableName = adapter.tableNameMap.get(slug.replace(/-/g, '_'))
  if (!tableName) throw new Error(`no table for the collection ${slug}`)
  const transaction = req.transactionID === undefined ? undefined : await req.transactionID
  const db = (transaction !== undefined && adapter.sessions?.[String(transaction)]?.db) || adapter.drizzle
  for (let i = 0; i < rows.length; i += rowsPerStatement)
    await adapter.insert({ db, tableName, values: rows.slice(i, i + rowsPerStatement) })
}
