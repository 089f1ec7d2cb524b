import type { D1Database } from '@cloudflare/workers-types'

export interface DuePage {
  ids: string[]
  /** Where the next page starts; null when this was the last page. */
  cursor: string | null
  /** Rows D1 read for the page (what D1 bills). */
  rowsRead: number
}

/**
 * One page of a tenant's subscribers due on or before `localDate`, in index order
 * (tenant_slug, next_send_on, rowid): the rows read grow with the day's sends, not with everyone.
 * Someone whose day was missed (next_send_on in the past) is due today; the consumer decides
 * from their timelines what, if anything, today brings.
 */
export async function dueSubscriberPage(
  db: D1Database,
  input: { tenant: string; localDate: string; after: string | null; limit: number },
): Promise<DuePage> {
  const [afterDate, afterRow] = parseCursor(input.after)
  const { results, meta } = await db
    .prepare(
      `SELECT id, next_send_on AS nextSendOn, rowid AS row FROM subscribers
       WHERE tenant_slug = ?1 AND next_send_on <= ?2 AND (next_send_on, rowid) > (?3, ?4) AND state = 'active'
       ORDER BY next_send_on, rowid LIMIT ?5`,
    )
    .bind(input.tenant, input.localDate, afterDate, afterRow, input.limit)
    .all<{ id: string; nextSendOn: string; row: number }>()
  const last = results.at(-1)
  return {
    ids: results.map((r) => r.id),
    cursor: last && results.length === input.limit ? `${last.nextSendOn}|${last.row}` : null,
    rowsRead: meta.rows_read ?? 0,
  }
}

/**
 * One page of ALL the tenant's active subscribers, by rowid through `subscribers_tenant`: the
 * run's pass on a day its program changed, when next_send_on may still be the old program's
 * (the reschedule queue rewrites it meanwhile, so that index would let rows slip past the cursor).
 */
export async function everySubscriberPage(
  db: D1Database,
  input: { tenant: string; after: string | null; limit: number },
): Promise<DuePage> {
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
  }
}

function parseCursor(cursor: string | null): [string, number] {
  if (!cursor) return ['', 0]
  const [date, row] = cursor.split('|')
  return [date ?? '', Number(row)]
}
