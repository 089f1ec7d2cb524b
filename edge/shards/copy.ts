import type { D1Database, D1PreparedStatement } from '@cloudflare/workers-types'
import type { CopyStep } from './move-plan'

// Copies one chunk of a tenant's rows of one table from one shard to another. Rows travel as one
// bound JSON array per statement (D1 allows 100 bound parameters) and are unpacked by json_each;
// a row already in the new shard is left as it is, so a chunk copied twice changes nothing.

type Row = Record<string, unknown>

/** Characters of JSON per statement: well under D1's 2 MB a value, Japanese text counted 3 bytes. */
const JSON_PER_STATEMENT = 400_000
const COLUMN = /^[a-z_][a-z0-9_]*$/

export interface Chunk {
  rows: Row[]
  /** The rowid to page on from; null when this was the last chunk. */
  next: number | null
}

/** The subscribers of the tenant after `after` (rowid), at most `limit`. */
export async function subscriberChunk(
  db: D1Database,
  tenant: string,
  after: number,
  limit: number,
): Promise<{ ids: string[]; next: number | null }> {
  const { results } = await db
    .prepare(
      'SELECT rowid AS row, id FROM subscribers WHERE tenant_slug = ?1 AND rowid > ?2 ORDER BY rowid LIMIT ?3',
    )
    .bind(tenant, after, limit)
    .all<{ row: number; id: string }>()
  return { ids: results.map((r) => r.id), next: results.length < limit ? null : results.at(-1)!.row }
}

/** One chunk of the step's rows in `from`. */
export async function readChunk(
  from: D1Database,
  step: CopyStep,
  tenant: string,
  after: number,
): Promise<Chunk> {
  if (step.by === 'subscriber') {
    const parents = await subscriberChunk(from, tenant, after, step.chunk)
    if (parents.ids.length === 0) return { rows: [], next: null }
    const { results } = await from
      .prepare(`SELECT * FROM ${step.table} WHERE ${step.match}`)
      .bind(JSON.stringify(parents.ids))
      .all<Row>()
    return { rows: results, next: parents.next }
  }
  const { results } = await from
    .prepare(
      `SELECT rowid AS "__row", * FROM ${step.table}
       WHERE tenant_slug = ?1 ${step.where ? `AND ${step.where}` : ''} AND rowid > ?2 ORDER BY rowid LIMIT ?3`,
    )
    .bind(tenant, after, step.chunk)
    .all<Row>()
  const next = results.length < step.chunk ? null : (results.at(-1)!.__row as number)
  return { rows: results.map(({ __row, ...row }) => row), next }
}

/** The statements that put `rows` into `to`, leaving rows already there as they are. */
export function insertStatements(
  to: D1Database,
  step: CopyStep,
  rows: readonly Row[],
): D1PreparedStatement[] {
  if (rows.length === 0) return []
  const omit = step.renumbered?.id
  const columns = Object.keys(rows[0]!).filter((c) => c !== omit)
  for (const c of columns) if (!COLUMN.test(c)) throw new Error(`unexpected column ${step.table}.${c}`)
  const values = columns.map((c) => `value ->> '${c}'`).join(', ')
  const unless = step.renumbered
    ? `NOT EXISTS (SELECT 1 FROM ${step.table} x WHERE ${step.renumbered.key
        .map((k) => `x.${k} IS value ->> '${k}'`)
        .join(' AND ')})`
    : 'true'
  // IS, not =: a key column may be null (the access log's household of a list).
  // `WHERE …` before ON CONFLICT: SQLite otherwise reads ON as the start of a join.
  const sql = `INSERT INTO ${step.table} (${columns.join(', ')})
    SELECT ${values} FROM json_each(?1) WHERE ${unless} ON CONFLICT DO NOTHING`
  return groups(rows, columns).map((group) => to.prepare(sql).bind(group))
}

/** The rows as JSON arrays of objects (only `columns`), each small enough for one statement. */
function groups(rows: readonly Row[], columns: readonly string[]): string[] {
  const out: string[] = []
  let current: string[] = []
  let size = 0
  for (const row of rows) {
    const json = JSON.stringify(Object.fromEntries(columns.map((c) => [c, row[c] ?? null])))
    if (current.length > 0 && size + json.length > JSON_PER_STATEMENT) {
      out.push(`[${current.join(',')}]`)
      current = []
      size = 0
    }
    current.push(json)
    size += json.length + 1
  }
  if (current.length > 0) out.push(`[${current.join(',')}]`)
  return out
}
