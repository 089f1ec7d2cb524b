import type { D1Database } from '@cloudflare/workers-types'
import { personalData } from '../../../edge/resident/personal-data'

export async function rowsIn<T = Record<string, unknown>>(
  db: D1Database,
  sql: string,
  ...values: unknown[]
): Promise<T[]> {
  return (
    await db
      .prepare(sql)
      .bind(...values)
      .all<T>()
  ).results
}

const searched = (kinds: (typeof personalData)[string]) => [...kinds.personal, ...(kinds.expiring ?? [])]

/**
 * Every row, in every table of one database, with one of `needles` in one of its personal columns:
 * table → those rows' personal columns as JSON, sorted.
 */
export async function traces(db: D1Database, needles: readonly string[]): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {}
  for (const [table, kinds] of Object.entries(personalData)) {
    const columns = searched(kinds)
    if (columns.length === 0) continue
    const hit = columns.map((c) => `instr(coalesce(CAST(t.${c} AS TEXT), ''), n.value) > 0`).join(' OR ')
    const list = columns.map((c) => `'${c}', t.${c}`).join(', ')
    const matches = await rowsIn<{ row: string }>(
      db,
      `SELECT DISTINCT json_object(${list}) AS row FROM ${table} t JOIN json_each(?1) n ON (${hit}) ORDER BY 1`,
      JSON.stringify(needles.filter((n) => n.length > 0)),
    )
    if (matches.length > 0) found[table] = matches.map((m) => m.row)
  }
  return found
}

/** What identifies a resident anywhere in their database: their address, nickname, ids, token hashes, words. */
export async function needlesOf(
  db: D1Database,
  r: { subscriberId: string; address: string },
  extra: readonly string[],
): Promise<string[]> {
  const id = r.subscriberId
  const values = [id, r.address, ...extra]
  const add = async (sql: string) => {
    for (const row of await rowsIn<{ v: string | null }>(db, sql, id)) if (row.v) values.push(row.v)
  }
  await add('SELECT nickname AS v FROM subscribers WHERE id = ?1')
  await add('SELECT token_hash AS v FROM access_tokens WHERE subscriber_id = ?1')
  await add('SELECT timeline_id AS v FROM timeline_members WHERE subscriber_id = ?1')
  await add('SELECT timeline_id AS v FROM access_tokens WHERE subscriber_id = ?1')
  for (const column of ['id', 'idempotency_key', 'page_token_hash'])
    await add(`SELECT ${column} AS v FROM deliveries WHERE subscriber_id = ?1`)
  for (const column of ['id', 'text', 'contact_phone'])
    await add(`SELECT ${column} AS v FROM consultations WHERE subscriber_id = ?1`)
  await add('SELECT id AS v FROM survey_responses WHERE subscriber_id = ?1')
  await add(
    'SELECT l.token_hash AS v FROM survey_links l JOIN deliveries d ON d.id = l.delivery_id WHERE d.subscriber_id = ?1',
  )
  await add('SELECT id AS v FROM verifications WHERE subscriber_id = ?1')
  await add('SELECT address AS v FROM verifications WHERE subscriber_id = ?1')
  return [...new Set(values)]
}
