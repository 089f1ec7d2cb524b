import pg from 'pg'

export interface Hit {
  table: string
  column: string
  needle: string
}

/**
 * Every table and every column of the CMS's database that can hold text, searched for each needle
 * (a nickname, an address): residents' data must never reach Postgres (design.md, data flow 5).
 */
export async function searchPostgres(databaseUrl: string, needles: readonly string[]): Promise<Hit[]> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const columns = await client.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = 'public'
         AND data_type IN ('text', 'character varying', 'jsonb', 'json', 'character')
       ORDER BY table_name, column_name`,
    )
    const hits: Hit[] = []
    for (const { table_name: table, column_name: column } of columns.rows) {
      for (const needle of needles) {
        const found = await client.query(
          `SELECT 1 FROM "${table}" WHERE "${column}"::text ILIKE '%' || $1 || '%' LIMIT 1`,
          [needle],
        )
        if (found.rowCount) hits.push({ table, column, needle })
      }
    }
    if (columns.rows.length === 0) throw new Error('no text columns found: is this the CMS database?')
    return hits
  } finally {
    await client.end()
  }
}
