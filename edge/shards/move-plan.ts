import type { tableHome } from './tables'

/** A table whose rows live in the shard of their tenant (see tables.ts). */
export type ShardTable = {
  [K in keyof typeof tableHome]: (typeof tableHome)[K] extends 'shard' ? K : never
}[keyof typeof tableHome]

/** `?1` is a chunk of the tenant's subscriber ids, as one JSON array. */
const IDS = '(SELECT value FROM json_each(?1))'

/**
 * How one table's rows of a tenant are found, in the order they are copied (parents before the
 * rows that refer to them: D1 enforces foreign keys).
 * - `tenant`: the rows whose tenant_slug is the tenant's (and `where`), paged by rowid.
 * - `subscriber`: the rows of a chunk of the tenant's subscribers (paged by the subscribers'
 *   rowid), found by `match`. A resident's rows go with the resident: a delivery or consent
 *   recorded in the town they lived in before stays theirs.
 */
export type CopyStep = {
  table: ShardTable
  /** Subscribers per chunk (`subscriber`) or rows per chunk (`tenant`). */
  chunk: number
  /**
   * Rows numbered by the database (an autoincrement id no other table refers to): the id is not
   * copied (the new shard numbers them), and a row already there with the same `key` is not
   * copied again.
   */
  renumbered?: { id: string; key: readonly string[] }
} & ({ by: 'tenant'; where?: string } | { by: 'subscriber'; match: string })

const bySubscriber = (table: ShardTable, chunk = 100): CopyStep => ({
  table,
  chunk,
  by: 'subscriber',
  match: `subscriber_id IN ${IDS}`,
})
const byTenant = (table: ShardTable, where?: string): CopyStep => ({
  table,
  chunk: 200,
  by: 'tenant',
  ...(where ? { where } : {}),
})
const ofDeliveries = `delivery_id IN (SELECT id FROM deliveries WHERE subscriber_id IN ${IDS})`

export const copySteps: readonly CopyStep[] = [
  byTenant('subscribers'),
  // The timelines the tenant's residents follow (a household's, whichever town wrote it) or have
  // invited someone to.
  {
    table: 'timelines',
    chunk: 100,
    by: 'subscriber',
    match: `id IN (SELECT timeline_id FROM timeline_members WHERE subscriber_id IN ${IDS}
                   UNION SELECT timeline_id FROM access_tokens WHERE subscriber_id IN ${IDS})`,
  },
  bySubscriber('timeline_members'),
  bySubscriber('access_tokens'),
  { ...bySubscriber('consents'), renumbered: { id: 'id', key: ['subscriber_id', 'given_at'] } },
  bySubscriber('verifications'),
  bySubscriber('address_changes'),
  bySubscriber('deletion_requests'),
  byTenant('verifications', 'subscriber_id IS NULL'),
  bySubscriber('consultations'),
  {
    table: 'consultation_forwards',
    chunk: 100,
    by: 'subscriber',
    match: `consultation_id IN (SELECT id FROM consultations WHERE subscriber_id IN ${IDS})`,
  },
  // After the consultations they answer, before the deliveries that send them (D1 enforces foreign keys).
  byTenant('staff_messages'),
  byTenant('announcement_runs'),
  // About 90 days of deliveries each: fewer residents a chunk.
  bySubscriber('deliveries', 20),
  { table: 'delivery_clicks', chunk: 20, by: 'subscriber', match: ofDeliveries },
  { table: 'survey_links', chunk: 20, by: 'subscriber', match: ofDeliveries },
  {
    table: 'delivery_resolutions',
    chunk: 20,
    by: 'subscriber',
    match: ofDeliveries,
    renumbered: { id: 'id', key: ['delivery_id', 'resolved_at'] },
  },
  bySubscriber('delivery_failures'),
  bySubscriber('survey_responses'),
  {
    table: 'survey_answers',
    chunk: 100,
    by: 'subscriber',
    match: `response_id IN (SELECT id FROM survey_responses WHERE subscriber_id IN ${IDS})`,
  },
  // After the deliveries they were offered in.
  bySubscriber('task_offers'),
  bySubscriber('task_done'),
  bySubscriber('outbox', 20),
  byTenant('outbox', 'subscriber_id IS NULL'),
  byTenant('suppressions'),
  byTenant('webhook_events'),
  byTenant('dead_letters'),
  byTenant('delivery_counts'),
  byTenant('survey_answer_counts'),
  byTenant('erasures'),
  // The town's access log goes with it, numbered anew in rowid order (so its order stays).
  {
    ...byTenant('staff_access_log'),
    renumbered: { id: 'id', key: ['tenant_slug', 'at', 'staff_user', 'action', 'household_id', 'count'] },
  },
  byTenant('household_nurses'),
  byTenant('household_references'),
  byTenant('tenant_schedules'),
  // Last: its cursor names subscribers by rowid, translated once they are all in the new shard.
  byTenant('tenant_runs'),
]

/** Shard tables a move leaves where they are, and why. */
export const staying: Readonly<Partial<Record<ShardTable, string>>> = {
  aggregate_reports: 'no tenant: which days this shard’s counts went to the CMS',
  delivery_prune_cursor: 'no tenant: where pruning’s walk over this shard’s subscribers stands',
  link_forwards: 'no tenant: written in the shard a tenant left, for the links sent before',
  rate_counters: 'no tenant: hourly counters under hashed keys, forgotten after two days',
  registration_attempts: 'no tenant: hourly counts per hashed connection',
}

/**
 * The hashes every resident link of a chunk of the tenant's subscribers is looked up by — stop,
 * manage, confirmation and invitation tokens, message pages (a program delivery's id, and a page
 * hash kept beside an id), survey links, address proofs, "not me" and deletion links — so the shard
 * the tenant leaves can forward each one. D1 allows 5 terms a compound SELECT: some are nested.
 */
export const linkHashesOfSubscribers = `
  SELECT token_hash AS hash FROM access_tokens WHERE subscriber_id IN ${IDS}
  UNION ALL SELECT hash FROM (
    SELECT id AS hash FROM deliveries WHERE subscriber_id IN ${IDS} AND kind = 'program'
    UNION ALL SELECT page_token_hash FROM deliveries WHERE subscriber_id IN ${IDS} AND page_token_hash IS NOT NULL)
  UNION ALL SELECT token_hash FROM survey_links WHERE ${ofDeliveries}
  UNION ALL SELECT id FROM verifications WHERE subscriber_id IN ${IDS}
  UNION ALL SELECT hash FROM (
    SELECT token_hash AS hash FROM address_changes WHERE subscriber_id IN ${IDS}
    UNION ALL SELECT token_hash FROM deletion_requests WHERE subscriber_id IN ${IDS})`

/** Address proofs of the tenant in nobody's name yet (a registration's code page), by rowid. */
export const linkHashesOfTenant = `
  SELECT rowid AS row, id AS hash FROM verifications
  WHERE tenant_slug = ?1 AND subscriber_id IS NULL AND rowid > ?2 ORDER BY rowid LIMIT ?3`
