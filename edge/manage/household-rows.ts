import type { D1Database, D1PreparedStatement } from '@cloudflare/workers-types'

/**
 * A household: the resident, everyone who follows one of their timelines (and whoever follows one
 * of those people's timelines, and so on), and those timelines. A timeline lives in one database,
 * so a household moves between shards whole.
 */
export interface Household {
  subscribers: string[]
  timelines: string[]
}

/** More people than any real family (6 timelines, 5 invitations each): something is wrong. */
export const householdLimit = 50

/** The household of one subscriber, found through timeline_members' keys; null beyond the limit. */
export async function householdOf(db: D1Database, subscriberId: string): Promise<Household | null> {
  const people = await db
    .prepare(
      `WITH RECURSIVE people(id) AS (
         SELECT ?1
         UNION
         SELECT other.subscriber_id FROM people
         JOIN timeline_members mine ON mine.subscriber_id = people.id
         JOIN timeline_members other ON other.timeline_id = mine.timeline_id
       )
       SELECT id FROM people LIMIT ?2`,
    )
    .bind(subscriberId, householdLimit + 1)
    .all<{ id: string }>()
  const subscribers = people.results.map((r) => r.id)
  if (subscribers.length > householdLimit) return null
  const timelines = await db
    .prepare(
      `SELECT DISTINCT timeline_id AS id FROM timeline_members
       WHERE subscriber_id IN (SELECT value FROM json_each(?1)) ORDER BY timeline_id`,
    )
    .bind(JSON.stringify(subscribers))
    .all<{ id: string }>()
  return { subscribers, timelines: timelines.results.map((r) => r.id) }
}

// ?1: the household's subscriber ids, ?2: its timeline ids (JSON arrays).
const theirs = 'subscriber_id IN (SELECT value FROM json_each(?1))'
const theirDeliveries = `delivery_id IN (SELECT id FROM deliveries WHERE ${theirs})`

/**
 * What moves with a household, in an order the foreign keys accept: every row that is theirs. An
 * autoincrement id (`fresh`) is left for the new database to give. tests/edge/resident-household-
 * move.test.ts fails on a shard table that is neither here nor in `householdStays`.
 */
export const householdTables: readonly { table: string; where: string; fresh?: string }[] = [
  { table: 'subscribers', where: 'id IN (SELECT value FROM json_each(?1))' },
  { table: 'timelines', where: 'id IN (SELECT value FROM json_each(?2))' },
  { table: 'timeline_members', where: theirs },
  { table: 'consents', where: theirs, fresh: 'id' },
  { table: 'access_tokens', where: theirs },
  // The old town's notes to the household: taken out with it, never carried to the new town.
  { table: 'staff_messages', where: 'household_id IN (SELECT value FROM json_each(?2))' },
  { table: 'deliveries', where: theirs },
  { table: 'delivery_clicks', where: theirDeliveries },
  { table: 'survey_links', where: theirDeliveries },
  { table: 'delivery_resolutions', where: theirDeliveries, fresh: 'id' },
  { table: 'delivery_failures', where: theirs },
  { table: 'consultations', where: theirs },
  {
    table: 'consultation_forwards',
    where: `consultation_id IN (SELECT id FROM consultations WHERE ${theirs})`,
  },
  { table: 'survey_responses', where: theirs },
  { table: 'survey_answers', where: `response_id IN (SELECT id FROM survey_responses WHERE ${theirs})` },
  { table: 'task_offers', where: theirs },
  { table: 'task_done', where: theirs },
  { table: 'verifications', where: theirs },
  { table: 'address_changes', where: theirs },
  { table: 'deletion_requests', where: theirs },
  { table: 'outbox', where: theirs },
  // The old town's nurse and reference: taken out of the old town, never carried to the new one.
  { table: 'household_nurses', where: 'household_id IN (SELECT value FROM json_each(?2))' },
  { table: 'household_references', where: 'household_id IN (SELECT value FROM json_each(?2))' },
]

/** Shard tables whose rows stay when a household leaves, and why. */
export const householdStays: Readonly<Record<string, string>> = {
  aggregate_reports: "the shard's daily report",
  announcement_runs: "the old town's announcements (their deliveries move with the household)",
  dead_letters: "the old town's failed batches (an erasure takes their ids out)",
  delivery_counts: "the old town's anonymous counts",
  delivery_prune_cursor: "where pruning's walk over the shard stands",
  erasures: "the old town's anonymous counts",
  link_forwards: 'the forwards this and earlier moves left',
  rate_counters: 'hourly counters tied to no subscriber',
  registration_attempts: 'hourly counters tied to no subscriber',
  staff_access_log: "the old town's record of its staff's reads, which its privacy officer keeps",
  suppressions: "the old town's providers' refusals, per town",
  survey_answer_counts: "the old town's anonymous counts",
  tenant_runs: "the old town's runs",
  tenant_schedules: "the old town's program",
  webhook_events: "the old town's providers' event ids",
}

/** The parameters a table's `where` takes (D1 refuses one too many). */
export const householdBinds = (where: string, household: Household): string[] =>
  [household.subscribers, ...(where.includes('?2') ? [household.timelines] : [])].map((ids) =>
    JSON.stringify(ids),
  )

export type Row = Record<string, unknown>
export type HouseholdRows = Map<string, Row[]>

/** Every row of the household, table by table, as the old shard has it. */
export async function readHousehold(db: D1Database, household: Household): Promise<HouseholdRows> {
  const results = await db.batch<Row>(
    householdTables.map(({ table, where }) =>
      db.prepare(`SELECT * FROM ${table} WHERE ${where}`).bind(...householdBinds(where, household)),
    ),
  )
  return new Map(householdTables.map(({ table }, i) => [table, results[i]?.results ?? []]))
}

// Rows go in as one JSON parameter per statement, well under D1's limits on a value.
const chunkChars = 200_000

/** The statements that write these rows into another database, a few hundred kilobytes each. */
export function insertStatements(db: D1Database, rows: HouseholdRows): D1PreparedStatement[] {
  const statements: D1PreparedStatement[] = []
  for (const { table, fresh } of householdTables) {
    const list = rows.get(table) ?? []
    const first = list[0]
    if (!first) continue
    const columns = Object.keys(first).filter((c) => c !== fresh)
    const sql = `INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')})
      SELECT ${columns.map((c) => `value ->> '$.${c}'`).join(', ')} FROM json_each(?1)`
    let chunk: Row[] = []
    let size = 0
    const flush = () => {
      if (chunk.length > 0) statements.push(db.prepare(sql).bind(JSON.stringify(chunk)))
      chunk = []
      size = 0
    }
    for (const row of list) {
      const length = JSON.stringify(row).length
      if (size + length > chunkChars) flush()
      chunk.push(row)
      size += length
    }
    flush()
  }
  return statements
}

/**
 * The statements that delete the household from a database: its subscribers (everything of theirs
 * cascades) and its timelines.
 */
export function deleteStatements(db: D1Database, household: Household): D1PreparedStatement[] {
  return [
    db
      .prepare('DELETE FROM timelines WHERE id IN (SELECT value FROM json_each(?1))')
      .bind(JSON.stringify(household.timelines)),
    db
      .prepare('DELETE FROM subscribers WHERE id IN (SELECT value FROM json_each(?1))')
      .bind(JSON.stringify(household.subscribers)),
  ]
}

/**
 * The hashes of every link of theirs the old shard knows: tokens (stop, manage, confirm,
 * invitations), message pages (and the survey links that take the same token), survey links sent before that, address proofs (a proof's id is its handle's hash), "not me" and deletion links.
 */
export function linkHashes(rows: HouseholdRows): string[] {
  const hashes = new Set<string>()
  const add = (table: string, column: string) => {
    for (const row of rows.get(table) ?? []) if (typeof row[column] === 'string') hashes.add(row[column])
  }
  add('access_tokens', 'token_hash')
  add('deliveries', 'page_token_hash')
  // A program delivery's id is its message page token's hash.
  for (const row of rows.get('deliveries') ?? [])
    if (row.kind === 'program' && typeof row.id === 'string') hashes.add(row.id)
  add('survey_links', 'token_hash')
  add('verifications', 'id')
  add('address_changes', 'token_hash')
  add('deletion_requests', 'token_hash')
  return [...hashes]
}
