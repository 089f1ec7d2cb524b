import { env } from 'cloudflare:workers'
import { expect, it } from 'vitest'
import { reached } from '../../edge/resident/task-figures'

it('creates every table the edge keeps', async () => {
  const { results } = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name != 'd1_migrations' ORDER BY name",
  ).all<{ name: string }>()
  expect(results.map((r) => r.name)).toEqual([
    'access_tokens',
    'active_manifest',
    'address_changes',
    'aggregate_reports',
    'announcement_runs',
    'consents',
    'consultation_forwards',
    'consultations',
    'dead_letters',
    'deletion_requests',
    'deliveries',
    'delivery_clicks',
    'delivery_counts',
    'delivery_failures',
    'delivery_prune_cursor',
    'delivery_resolutions',
    'erasures',
    'household_nurses',
    'household_references',
    'link_forwards',
    'manifest_activations',
    'manifest_parts',
    'manifests',
    'outbox',
    'rate_counters',
    'registration_attempts',
    'snapshot_part_chunks',
    'snapshot_parts',
    'staff_access_log',
    'staff_messages',
    'subscribers',
    'suppressions',
    'survey_answer_counts',
    'survey_answers',
    'survey_invitations',
    'survey_responses',
    'task_done',
    'task_offers',
    'tenant_runs',
    'tenant_schedules',
    'tenant_secrets',
    'tenant_shards',
    'timeline_members',
    'timelines',
    'verifications',
    'webhook_events',
  ])
})

it("finds a tenant's due subscribers through the (tenant, next_send_on) index, not a scan", async () => {
  const { results } = await env.DB.prepare(
    "EXPLAIN QUERY PLAN SELECT id FROM subscribers WHERE tenant_slug = 'sakura-city' AND next_send_on <= '2026-11-23'",
  ).all<{ detail: string }>()
  expect(results.map((r) => r.detail).join('\n')).toMatch(/USING (COVERING )?INDEX subscribers_due/)
})

it('finds whether an address is already registered in a tenant through an index, not a scan', async () => {
  const { results } = await env.DB.prepare(
    "EXPLAIN QUERY PLAN SELECT id FROM subscribers WHERE tenant_slug = 'sakura-city' AND channel = 'sms' AND address = '+819012345678' AND state IN ('active', 'paused')",
  ).all<{ detail: string }>()
  expect(results.map((r) => r.detail).join('\n')).toMatch(/USING INDEX subscribers_address/)
})

it("finds a tenant's flagged deliveries, and every tenant's, through the partial index, not a scan", async () => {
  for (const where of ["tenant_slug = 'sakura-city' AND state = 'flagged'", "state = 'flagged'"]) {
    const { results } = await env.DB.prepare(
      `EXPLAIN QUERY PLAN SELECT id FROM deliveries WHERE ${where} ORDER BY tenant_slug, local_date`,
    ).all<{ detail: string }>()
    expect(results.map((r) => r.detail).join('\n'), where).toMatch(
      /USING (COVERING )?INDEX deliveries_flagged/,
    )
  }
})

it('keys suppressions by tenant, channel and address, and finds a subscriber’s outbox messages by index', async () => {
  const key = await env.DB.prepare(
    "SELECT group_concat(name, ',') AS key FROM (SELECT name FROM pragma_table_info('suppressions') WHERE pk > 0 ORDER BY pk)",
  ).first<{ key: string }>()
  expect(key?.key).toBe('tenant_slug,channel,address')
  const { results } = await env.DB.prepare(
    "EXPLAIN QUERY PLAN SELECT id FROM outbox WHERE subscriber_id = 'someone'",
  ).all<{ detail: string }>()
  expect(results.map((r) => r.detail).join('\n')).toMatch(/USING (COVERING )?INDEX outbox_subscriber/)
})

it("reads a town's task offers for its counts through the (tenant, task) index, not a scan", async () => {
  const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${reached}`).bind('sakura-city').all<{
    detail: string
  }>()
  expect(results.map((r) => r.detail).join('\n')).toMatch(/USING (COVERING )?INDEX task_offers_tenant/)
})

it('writes a survey invitation and a task offer once, not once more for a rowid key; a delivery keeps its rowid for size', async () => {
  // A rowid table keyed by text writes each row twice (the row, and its primary key's index); a
  // table without one makes every other index carry the text key (migration 0033 says what it costs).
  const { results } = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%WITHOUT ROWID%' ORDER BY name",
  ).all<{ name: string }>()
  const names = results.map((r) => r.name)
  expect(names).toEqual(expect.arrayContaining(['survey_invitations', 'task_offers']))
  expect(names).not.toContain('deliveries')
  const autoindexes = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('survey_invitations', 'task_offers') AND name LIKE 'sqlite_autoindex%'",
  ).all<{ name: string }>()
  expect(autoindexes.results).toEqual([])
})
