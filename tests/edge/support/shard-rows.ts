import type { D1Database } from '@cloudflare/workers-types'

// Which towns a table's rows belong to, read from the schema itself so a new table is covered
// without anyone listing it: its own tenant_slug, or its parent's (a foreign key to a table that
// has one: timeline_members → subscribers, delivery_clicks → deliveries, …).

/** Tables that name no tenant at all (no tenant_slug, no parent that has one). */
export const NO_TENANT = Symbol('no tenant')

export async function tablesOf(db: D1Database): Promise<string[]> {
  const { results } = await db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
         AND name NOT LIKE '_cf_%' AND name != 'd1_migrations' ORDER BY name`,
    )
    .all<{ name: string }>()
  return results.map((r) => r.name)
}

const hasTenant = async (db: D1Database, table: string) =>
  (await db
    .prepare("SELECT 1 AS yes FROM pragma_table_info(?1) WHERE name = 'tenant_slug'")
    .bind(table)
    .first('yes')) !== null

/** The SQL that lists the tenant of each row of `table`, or NO_TENANT. */
export async function tenantOfRows(db: D1Database, table: string): Promise<string | typeof NO_TENANT> {
  if (await hasTenant(db, table)) return `SELECT tenant_slug AS tenant FROM ${table}`
  const { results } = await db
    // A key every row has (a stop token names a subscriber; only an invitation names a timeline).
    .prepare(
      `SELECT f."table" AS parent, f."from" AS child, f."to" AS key FROM pragma_foreign_key_list(?1) f
       JOIN pragma_table_info(?1) c ON c.name = f."from" ORDER BY c."notnull" DESC`,
    )
    .bind(table)
    .all<{ parent: string; child: string; key: string }>()
  for (const fk of results)
    if (await hasTenant(db, fk.parent))
      return `SELECT p.tenant_slug AS tenant FROM ${table} c JOIN ${fk.parent} p ON p.${fk.key} = c.${fk.child}`
  return NO_TENANT
}

/** The towns the rows of `table` in `db` belong to (every row counted: none is without one). */
export async function townsIn(db: D1Database, table: string): Promise<Map<string, number>> {
  const sql = await tenantOfRows(db, table)
  if (sql === NO_TENANT) return new Map()
  const { results } = await db
    .prepare(`SELECT tenant, COUNT(*) AS n FROM (${sql}) GROUP BY tenant`)
    .all<{ tenant: string | null; n: number }>()
  return new Map(results.map((r) => [r.tenant ?? '(none)', r.n]))
}

export const rowCount = async (db: D1Database, table: string) =>
  (await db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).first<number>('n')) ?? 0
