import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

// Payload's find walks every field of every row through its hooks: for thousands of messages that
// is seconds even with `select`. Screens that only count or key rows read them here, in one query.

type SQL = ReturnType<typeof sql>

interface PostgresAdapter {
  tableNameMap: Map<string, string>
  drizzle: { execute(query: SQL): Promise<{ rows: unknown[] }> }
}

/** The table Payload stores a collection in, for a query. */
export function tableOf(payload: Payload, slug: string): SQL {
  const name = slug.replace(/-/g, '_')
  return sql`${sql.identifier((payload.db as unknown as PostgresAdapter).tableNameMap.get(name) ?? name)}`
}

/** The rows of one query on Payload's own connection. */
export async function leanRows<T>(payload: Payload, query: SQL): Promise<T[]> {
  return (await (payload.db as unknown as PostgresAdapter).drizzle.execute(query)).rows as T[]
}

/** A Postgres numeric (which comes back as text) as a number; null stays null. */
export const numberOrNull = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value)
