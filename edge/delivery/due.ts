import type { D1Database } from '@cloudflare/workers-types'

export interface DueChunk {
  ids: string[]
  /** Where the next chunk starts; null when this was the last chunk. */
  cursor: string | null
  /** Rows D1 read for the chunk (what D1 bills). */
  rowsRead: number
  /** Statements run for the chunk (1 or 2), against D1's 1,000 per invocation. */
  queries: number
}

type DueRow = { id: string; nextSendOn: string; row: number }

/**
 * One chunk of a tenant's subscribers due on or before `localDate`, in index order
 * (tenant_slug, next_send_on, rowid): the rows read grow with the day's sends, not with everyone.
 * Someone whose day was missed (next_send_on in the past) is due today; the consumer decides
 * from their timelines what, if anything, today brings.
 *
 * The rest of the cursor's date first (an index seek on date and rowid), then, if the chunk is not
 * full, the later dates: one `(next_send_on, rowid) > (?, ?)` range made SQLite re-read the
 * cursor's whole date on every chunk — everyone due today shares one date, so 40,001 rows were read
 * for 10,000 sends.
 */
export async function dueSubscriberChunk(
  db: D1Database,
  input: { tenant: string; localDate: string; after: string | null; limit: number },
): Promise<DueChunk> {
  const [afterDate, afterRow] = parseCursor(input.after)
  const rows: DueRow[] = []
  let rowsRead = 0
  let queries = 0
  if (afterDate) {
    const { results, meta } = await db
      .prepare(
        `SELECT id, next_send_on AS nextSendOn, rowid AS row FROM subscribers
         WHERE tenant_slug = ?1 AND next_send_on = ?2 AND rowid > ?3 AND state = 'active'
         ORDER BY rowid LIMIT ?4`,
      )
      .bind(input.tenant, afterDate, afterRow, input.limit)
      .all<DueRow>()
    rows.push(...results)
    rowsRead += meta.rows_read ?? 0
    queries++
  }
  if (rows.length < input.limit) {
    const { results, meta } = await db
      .prepare(
        `SELECT id, next_send_on AS nextSendOn, rowid AS row FROM subscribers
         WHERE tenant_slug = ?1 AND next_send_on > ?2 AND next_send_on <= ?3 AND state = 'active'
         ORDER BY next_send_on, rowid LIMIT ?4`,
      )
      .bind(input.tenant, afterDate, input.localDate, input.limit - rows.length)
      .all<DueRow>()
    rows.push(...results)
    rowsRead += meta.rows_read ?? 0
    queries++
  }
  const last = rows.at(-1)
  return {
    ids: rows.map((r) => r.id),
    cursor: last && rows.length === input.limit ? `${last.nextSendOn}|${last.row}` : null,
    rowsRead,
    queries,
  }
}

/**
 * One chunk of ALL the tenant's active subscribers, by rowid through `subscribers_tenant`: the
 * run's pass on a day its program changed, when next_send_on may still be the old program's
 * (the reschedule queue rewrites it meanwhile, so that index would let rows slip past the cursor).
 */
export async function everySubscriberChunk(
  db: D1Database,
  input: { tenant: string; after: string | null; limit: number },
): Promise<DueChunk> {
  const { results, meta } = await db
    .prepare(
      `SELECT id, rowid AS row FROM subscribers
       WHERE tenant_slug = ?1 AND rowid > ?2 AND state = 'active' ORDER BY rowid LIMIT ?3`,
    )
    .bind(input.tenant, Number(input.after ?? 0), input.limit)
    .all<{ id: string; row: number }>()
  const last = results.at(-1)
  return {
    ids: results.map((r) => r.id),
    cursor: last && results.length === input.limit ? String(last.row) : null,
    rowsRead: meta.rows_read ?? 0,
    queries: 1,
  }
}

function parseCursor(cursor: string | null): [string, number] {
  if (!cursor) return ['', 0]
  const [date, row] = cursor.split('|')
  return [date ?? '', Number(row)]
}
