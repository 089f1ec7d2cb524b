import { applyD1Migrations } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { expect, it } from 'vitest'
import { app } from '../../edge/app'
import { deliveryKey } from '../../edge/channels/key'
import { deliveryLinks } from '../../edge/delivery/links'
import { offersInPeriod } from '../../edge/reports/survey-response-counts'
import { messageToken, surveyToken } from '../../edge/resident/link-tokens'
import { reached } from '../../edge/resident/task-figures'
import { hashToken } from '../../edge/resident/tokens'
import { surveyHistoryColumns } from '../../edge/surveys/history'
import { site } from './support/delivered-mail'
import { insertExpecting, storeFixture } from './support/delivery'
import { migratedUpTo } from './support/migrated-up-to'
import { tablesOf } from './support/shard-rows'
import { getPage, postForm, storeSurveySnapshot } from './support/surveys'

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
    'survey_links',
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

it('writes a delivery, an old survey link and a task offer once, not once more for a rowid key', async () => {
  // A rowid table keyed by text writes each row twice (the row, and its primary key's index).
  const { results } = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%WITHOUT ROWID%' ORDER BY name",
  ).all<{ name: string }>()
  expect(results.map((r) => r.name)).toEqual(
    expect.arrayContaining(['deliveries', 'survey_links', 'task_offers']),
  )
  const autoindexes = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('deliveries', 'survey_links', 'task_offers') AND name LIKE 'sqlite_autoindex%'",
  ).all<{ name: string }>()
  expect(autoindexes.results).toEqual([])
})

it('finds a message page by the primary key, or by the page hash kept beside an id, never by a scan', async () => {
  const { results } = await env.DB.prepare(
    "EXPLAIN QUERY PLAN SELECT id FROM deliveries WHERE (id = ?1 OR page_token_hash = ?1) AND kind = 'program'",
  )
    .bind('x')
    .all<{ detail: string }>()
  const plan = results.map((r) => r.detail).join('\n')
  expect(plan).toMatch(/USING PRIMARY KEY/)
  expect(plan).toMatch(/USING INDEX deliveries_page_token/)
  expect(plan).not.toMatch(/SCAN deliveries/)
})

it("reads a subscriber's survey history through the partial survey index, not their every delivery, and no row when they have none", async () => {
  const { results } = await env.DB.prepare(
    `EXPLAIN QUERY PLAN SELECT ${surveyHistoryColumns('s.id', '?1')} FROM subscribers s WHERE s.id = 'someone'`,
  )
    .bind('2026-11-23')
    .all<{ detail: string }>()
  // By subscriber alone: a range on survey_id reads a neighbour's entry even when they have none.
  expect(results.map((r) => r.detail).join('\n')).toMatch(
    /USING INDEX deliveries_survey \(subscriber_id=\?\)$/m,
  )
})

it("reads a town's survey lines for its report through its own residents and the survey index, not the shard's every line", async () => {
  const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${offersInPeriod}`)
    .bind('sakura-city', '2026-11-01', '2026-11-30')
    .all<{ detail: string }>()
  const plan = results.map((r) => r.detail).join('\n')
  expect(plan).toMatch(/SEARCH subscribers USING (COVERING )?INDEX subscribers_tenant/)
  expect(plan).toMatch(/SEARCH d USING INDEX deliveries_survey \(subscriber_id=\?\)/)
  expect(plan).not.toMatch(/SCAN (d|deliveries)\b/)
})

it('moves a program delivery made before 0037 to its page hash as its id: the link sent then opens its page', async () => {
  await migratedUpTo('0037')

  const snapshot = await storeFixture()
  await insertExpecting('mig-1')
  const key = await deliveryKey('mig-1', '2026-11-23', 'program')
  const { links, pageTokenHash } = await deliveryLinks(site, env.LINK_SECRET!, 'mig-1', key)
  const at = new Date().toISOString()
  // As the consumer wrote it before 0037: its key as its id, its page found by page_token_hash.
  await env.DB.batch([
    env.DB.prepare(
      `INSERT INTO deliveries (id, subscriber_id, tenant_slug, local_date, kind, manifest_id, slots, channel, state,
                               idempotency_key, attempts, page_token_hash, created_at, updated_at)
       VALUES (?1, 'mig-1', 'sakura-city', '2026-11-23', 'program', ?2, '["pregnancy/196"]', 'email', 'sent',
               ?1, 1, ?3, ?4, ?4)`,
    ).bind(key, snapshot.manifest.id, pageTokenHash, at),
    env.DB.prepare(
      'INSERT INTO delivery_clicks (delivery_id, link, count, first_at) VALUES (?1, 1, 2, ?2)',
    ).bind(key, at),
    env.DB.prepare(
      `INSERT INTO survey_invitations (delivery_id, subscriber_id, tenant_slug, survey_id, survey_version, manifest_id,
                                       reminder, token_hash, local_date, created_at)
       VALUES (?1, 'mig-1', 'sakura-city', 'sakura-8m', 1, ?2, 0, 'survey-hash', '2026-11-23', ?3)`,
    ).bind(key, snapshot.manifest.id, at),
    env.DB.prepare(
      `INSERT INTO task_offers (delivery_id, subscriber_id, tenant_slug, task_id, task_version, reminder, local_date, created_at)
       VALUES (?1, 'mig-1', 'sakura-city', 'sakura-benefit', 1, 0, '2026-11-23', ?2)`,
    ).bind(key, at),
    env.DB.prepare(
      `INSERT INTO survey_responses (id, subscriber_id, tenant_slug, survey_id, survey_version, delivery_id, answered_on,
                                     interview_state, created_at)
       VALUES ('mig-answer', 'mig-1', 'sakura-city', 'sakura-8m', 1, ?1, '2026-11-23', 'none', ?2)`,
    ).bind(key, at),
  ])

  await applyD1Migrations(env.DB, env.TEST_MIGRATIONS)

  expect(
    await env.DB.prepare('SELECT id, idempotency_key AS key, page_token_hash AS page FROM deliveries').all(),
  ).toMatchObject({ results: [{ id: pageTokenHash, key, page: null }] })
  for (const table of ['delivery_clicks', 'survey_links', 'task_offers', 'survey_responses'])
    expect((await env.DB.prepare(`SELECT delivery_id AS id FROM ${table}`).all()).results, table).toEqual([
      { id: pageTokenHash },
    ])
  const page = await app.request(new URL(links.messageUrl).href, { redirect: 'manual' }, env)
  expect(page.status).toBe(200)
  expect(await page.text()).toContain('<bdi>はな</bdi>さん、今日で妊娠28週0日です。')
  expect(await tablesOf(env.DB)).not.toContain('__delivery_ids')
})

it('moves each survey invitation onto its delivery (0039): a survey link sent before opens the same survey, as does the page’s own segment', async () => {
  // This test empties the file's D1, migrates it up to 0038, writes a survey line as it was, then migrates on.
  await migratedUpTo('0039')
  const at = '2026-11-23T00:05:00.000Z'
  const delivery = 'old-delivery'
  const page = await messageToken(env.LINK_SECRET!, delivery)
  const survey = await surveyToken(env.LINK_SECRET!, delivery)
  await env.DB.batch([
    env.DB.prepare(
      `INSERT INTO subscribers (id, tenant_slug, nickname, audience, language, channel, address, state, next_send_on, created_at, updated_at)
       VALUES ('old-q', 'sakura-city', 'はな', 'primary', 'ja', 'email', 'old-q@example.jp', 'active', '2026-11-24', ?1, ?1)`,
    ).bind(at),
    env.DB.prepare(
      `INSERT INTO deliveries (id, subscriber_id, tenant_slug, local_date, kind, manifest_id, channel, state, idempotency_key,
                               page_token_hash, created_at, updated_at)
       VALUES (?1, 'old-q', 'sakura-city', '2026-11-23', 'program', 'surveys-0001', 'email', 'sent', ?1, ?2, ?3, ?3)`,
    ).bind(delivery, await hashToken(page), at),
    env.DB.prepare(
      `INSERT INTO survey_invitations (delivery_id, subscriber_id, tenant_slug, survey_id, survey_version, manifest_id,
                                       reminder, token_hash, local_date, created_at)
       VALUES (?1, 'old-q', 'sakura-city', 'sakura-8m', 1, 'surveys-0001', 1, ?2, '2026-11-23', ?3)`,
    ).bind(delivery, await hashToken(survey), at),
  ])

  await applyD1Migrations(env.DB, env.TEST_MIGRATIONS)

  expect(await tablesOf(env.DB)).not.toContain('survey_invitations')
  expect(
    await env.DB.prepare(
      'SELECT survey_id AS id, survey_version AS version, survey_reminder AS reminder FROM deliveries WHERE id = ?1',
    )
      .bind(delivery)
      .first(),
  ).toEqual({ id: 'sakura-8m', version: 1, reminder: 1 })
  await storeSurveySnapshot()
  for (const path of [`/q/${survey}`, `/q/1${survey}`, `/q/1${page}`]) {
    const form = await getPage(path)
    expect(form.status, path).toBe(200)
    expect(await form.text(), path).toContain('妊娠8か月のアンケート')
  }
  const answered = await postForm(`/q/1${survey}`, [
    ['q_feeling', '4'],
    ['q_interview', 'no'],
  ])
  expect(await answered.text()).toContain('ご回答ありがとうございました')
  expect(await (await getPage(`/q/1${page}`)).text()).toContain('すでにお答えいただいています')
  expect(
    await env.DB.prepare('SELECT delivery_id FROM survey_responses WHERE subscriber_id = ?1')
      .bind('old-q')
      .first('delivery_id'),
  ).toBe(delivery)
})

it('keeps every click, resolution, survey line and answer of a delivery through each rebuild of deliveries since 0025', async () => {
  // Empties the file's D1, migrates it up to 0024 (before staff deliveries), writes a delivery with
  // everything that hangs on it, then migrates on through 0025, 0033, 0037 and 0039.
  await migratedUpTo('0025')
  const at = '2026-11-30T00:05:00.000Z'
  await env.DB.batch([
    env.DB.prepare(
      `INSERT INTO subscribers (id, tenant_slug, nickname, audience, language, channel, address, state, next_send_on, created_at, updated_at)
       VALUES ('sm-hana', 'sakura-city', 'はな', 'primary', 'ja', 'email', 'sm-hana@example.jp', 'active', '2026-12-01', ?1, ?1)`,
    ).bind(at),
    env.DB.prepare(
      `INSERT INTO deliveries (id, subscriber_id, tenant_slug, local_date, kind, channel, idempotency_key, state, created_at, updated_at)
       VALUES ('d-keep', 'sm-hana', 'sakura-city', '2026-11-30', 'program', 'email', 'd-keep', 'sent', ?1, ?1)`,
    ).bind(at),
    env.DB.prepare(
      `INSERT INTO delivery_clicks (delivery_id, link, count, first_at) VALUES ('d-keep', 1, 3, ?1)`,
    ).bind(at),
    env.DB.prepare(
      `INSERT INTO delivery_resolutions (delivery_id, tenant_slug, local_date, decision, outcome, actor, resolved_at)
       VALUES ('d-keep', 'sakura-city', '2026-11-30', 'was-sent', 'sent', 'nurse', ?1)`,
    ).bind(at),
    env.DB.prepare(
      `INSERT INTO survey_invitations (delivery_id, subscriber_id, tenant_slug, survey_id, survey_version, manifest_id,
                                       reminder, token_hash, local_date, created_at)
       VALUES ('d-keep', 'sm-hana', 'sakura-city', 'sakura-8m', 1, 'm-1', 0, 'survey-hash', '2026-11-30', ?1)`,
    ).bind(at),
    env.DB.prepare(
      `INSERT INTO survey_responses (id, subscriber_id, tenant_slug, survey_id, survey_version, delivery_id, answered_on, created_at)
       VALUES ('answer-1', 'sm-hana', 'sakura-city', 'sakura-8m', 1, 'd-keep', '2026-11-30', ?1)`,
    ).bind(at),
  ])

  await applyD1Migrations(env.DB, env.TEST_MIGRATIONS)

  const first = (sql: string) => env.DB.prepare(sql).first()
  expect(await first(`SELECT count FROM delivery_clicks WHERE delivery_id = 'd-keep'`)).toEqual({ count: 3 })
  expect(await first(`SELECT outcome FROM delivery_resolutions WHERE delivery_id = 'd-keep'`)).toEqual({
    outcome: 'sent',
  })
  expect(
    await first(
      `SELECT survey_id AS survey, survey_reminder AS reminder FROM deliveries WHERE id = 'd-keep'`,
    ),
  ).toEqual({ survey: 'sakura-8m', reminder: 0 })
  expect(await first(`SELECT delivery_id AS id FROM survey_links WHERE token_hash = 'survey-hash'`)).toEqual({
    id: 'd-keep',
  })
  expect(await first(`SELECT delivery_id AS id FROM survey_responses WHERE id = 'answer-1'`)).toEqual({
    id: 'd-keep',
  })
})
