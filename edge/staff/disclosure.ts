import type { D1Database } from '@cloudflare/workers-types'
import type { Disclosure, DisclosureQuery } from '../../shared/contract'
import { disclosureTables } from './disclosure-tables'

/**
 * Who a disclosure is about: one resident and the households (timelines) they follow, or one
 * household and everyone who follows it — only in this town. Null when the town has no such one.
 */
async function subjectOf(
  db: D1Database,
  query: DisclosureQuery,
): Promise<{ subscribers: string[]; households: string[] } | null> {
  if (query.subscriber) {
    const rows = await db
      .prepare(
        `SELECT s.id AS subscriber, m.timeline_id AS household FROM subscribers s
           LEFT JOIN timeline_members m ON m.subscriber_id = s.id
          WHERE s.id = ?1 AND s.tenant_slug = ?2 ORDER BY m.timeline_id`,
      )
      .bind(query.subscriber, query.tenant)
      .all<{ subscriber: string; household: string | null }>()
    if (rows.results.length === 0) return null
    return {
      subscribers: [query.subscriber],
      households: rows.results.flatMap((r) => (r.household ? [r.household] : [])),
    }
  }
  const rows = await db
    .prepare(
      `SELECT m.subscriber_id AS subscriber FROM timelines t JOIN timeline_members m ON m.timeline_id = t.id
        WHERE t.id = ?1 AND t.tenant_slug = ?2 ORDER BY m.subscriber_id`,
    )
    .bind(query.household ?? '', query.tenant)
    .all<{ subscriber: string }>()
  if (rows.results.length === 0) return null
  return { subscribers: rows.results.map((r) => r.subscriber), households: [query.household ?? ''] }
}

/**
 * Everything the edge holds on one resident or household (開示請求): every row of every table
 * personal-data.ts marks as holding personal data, all its columns, as stored. Null when the town
 * has no such resident.
 */
export async function disclosureOf(
  db: D1Database,
  query: DisclosureQuery,
  now: Date,
): Promise<Disclosure | null> {
  const subject = await subjectOf(db, query)
  if (!subject) return null
  const tables = disclosureTables()
  const binds = [JSON.stringify(subject.subscribers), JSON.stringify(subject.households)]
  const results = await db.batch<Record<string, unknown>>(
    tables.map(({ table, where }) =>
      db
        .prepare(`SELECT * FROM ${table} WHERE ${where}`)
        .bind(...(where.includes('?2') ? binds : binds.slice(0, 1))),
    ),
  )
  return {
    tenant: query.tenant,
    subject,
    generatedAt: now.toISOString(),
    tables: Object.fromEntries(tables.map(({ table }, i) => [table, results[i]?.results ?? []])),
  }
}

/** How many rows a disclosure holds (the access log's count). */
export const rowsDisclosed = (d: Disclosure) =>
  Object.values(d.tables).reduce((n, rows) => n + rows.length, 0)
