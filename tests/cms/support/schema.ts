import pg from 'pg'

/**
 * A database's schema as rows that compare: every column with its type, nullability and default,
 * every index, constraint and enum of the public schema, sorted.
 */
export async function describeSchema(url: string): Promise<Record<string, string[]>> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const rows = async (sql: string) =>
    (await client.query(sql)).rows.map((row) => Object.values(row).map(String).join(' | ')).sort()
  try {
    return {
      columns: await rows(
        `SELECT table_name, column_name, data_type, udt_name, is_nullable, coalesce(column_default, '')
         FROM information_schema.columns WHERE table_schema = 'public'`,
      ),
      indexes: await rows(`SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = 'public'`),
      constraints: await rows(
        `SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)
         FROM pg_constraint WHERE connamespace = 'public'::regnamespace`,
      ),
      enums: await rows(
        `SELECT t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
      ),
    }
  } finally {
    await client.end()
  }
}
