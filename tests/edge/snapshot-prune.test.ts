import { createScheduledController } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { beforeAll, expect, it } from 'vitest'
import worker from '../../edge/index'
import { pruneSnapshots } from '../../edge/snapshot/prune'
import { loadSnapshot } from '../../edge/snapshot/read'
import { storeSnapshot } from '../../edge/snapshot/store'
import {
  contractVersion,
  type PreparedSnapshot,
  prepareSnapshot,
  type TenantPart,
} from '../../shared/contract'
import { fixtureCreatedAt, fixtureNationalPart, fixtureTenantParts } from '../../shared/contract/fixture'
import { ingest } from './support/ingest-client'
import { insertSubscriber } from './support/residents'

// Eight publishes a day apart, each with its own sakura-city part and one shared national part;
// "now" is 2026-11-23. m8 is active.
const now = new Date('2026-11-23T00:00:00Z')
const day = (n: number) => new Date(Date.UTC(2026, 9, n)) // October n, 2026
const snapshots: PreparedSnapshot[] = []
const [sakura, minato] = fixtureTenantParts as [TenantPart, TenantPart]

async function partExists(hash: string) {
  const row = await env.DB.prepare(
    `SELECT (SELECT count(*) FROM snapshot_parts WHERE hash = ?1) AS parts,
            (SELECT count(*) FROM snapshot_part_chunks WHERE part_hash = ?1) AS chunks`,
  )
    .bind(hash)
    .first<{ parts: number; chunks: number }>()
  return row!.parts + row!.chunks > 0
}

async function manifestIds() {
  const { results } = await env.DB.prepare('SELECT id FROM manifests ORDER BY id').all<{ id: string }>()
  return results.map((r) => r.id)
}

const sakuraHash = (i: number) =>
  snapshots[i - 1]!.parts.find((p) => p.ref.kind === 'tenant' && p.ref.tenant === 'sakura-city')!.ref.hash

beforeAll(async () => {
  for (let i = 1; i <= 8; i++) {
    const part: TenantPart = {
      ...sakura,
      tenant: { ...sakura.tenant, name: { ja: `さくら市${i}`, en: `Sakura ${i}` } },
    }
    const snapshot = await prepareSnapshot({
      id: `m${i}`,
      createdAt: fixtureCreatedAt,
      parts: [fixtureNationalPart, part, minato],
    })
    snapshots.push(snapshot)
    await storeSnapshot(env.DB, snapshot, day(i))
  }
  await insertSubscriber('reader', 'sakura-city')
  // A delivery comes in a batch of its day's run, which names the manifest it was composed from.
  const delivery = (id: string, manifest: string, createdAt: string, state = 'sent') => [
    env.DB.prepare(
      `INSERT INTO deliveries (id, subscriber_id, tenant_slug, local_date, kind, manifest_id, channel, state, idempotency_key, created_at, updated_at)
       VALUES (?1, 'reader', 'sakura-city', ?2, 'program', ?3, 'email', ?4, ?1, ?5, ?5)`,
    ).bind(id, createdAt.slice(0, 10), manifest, state, createdAt),
    env.DB.prepare(
      `INSERT INTO tenant_runs (tenant_slug, local_date, manifest_id, state, lease_holder, lease_until, started_at, updated_at)
       VALUES ('sakura-city', ?1, ?2, 'enqueued', 'tick', ?3, ?3, ?3)`,
    ).bind(createdAt.slice(0, 10), manifest, createdAt),
  ]
  await env.DB.batch([
    // m2: a message page sent 10 days ago, still readable.
    ...delivery('d-recent', 'm2', '2026-11-13T00:10:00.000Z'),
    // m3: a message page sent 100 days ago, past its lifetime.
    ...delivery('d-old', 'm3', '2026-08-15T00:10:00.000Z'),
    // m4: a run that has not finished enqueuing.
    env.DB.prepare(
      `INSERT INTO tenant_runs (tenant_slug, local_date, manifest_id, state, lease_holder, lease_until, started_at, updated_at)
       VALUES ('sakura-city', '2026-10-04', 'm4', 'enqueuing', 'tick', '2026-10-04T00:10:00Z', '2026-10-04T00:00:00Z', '2026-10-04T00:00:00Z')`,
    ),
  ])
})

const options = { keepManifests: 3, pageDays: 60, batch: 2 }

it('prunes, a bounded batch at a time, exactly the manifests nothing needs, then the parts only they named', async () => {
  // A part whose manifest has not arrived yet (an upload under way) and an abandoned one.
  const fresh = await prepareSnapshot({
    id: 'in-flight',
    createdAt: fixtureCreatedAt,
    parts: [
      fixtureNationalPart,
      { ...minato, tenant: { ...minato.tenant, name: { ja: '新しい町', en: 'New town' } } },
    ],
  })
  const abandoned = await prepareSnapshot({
    id: 'abandoned',
    createdAt: fixtureCreatedAt,
    parts: [
      fixtureNationalPart,
      { ...minato, tenant: { ...minato.tenant, name: { ja: '古い町', en: 'Old town' } } },
    ],
  })
  const tenantRef = (s: PreparedSnapshot) => s.parts.find((p) => p.ref.kind === 'tenant')!
  const { storeChunk } = await import('../../edge/snapshot/store')
  const { chunkPart } = await import('../../shared/contract')
  for (const chunk of await chunkPart(tenantRef(fresh)))
    await storeChunk(env.DB, chunk, new Date('2026-11-22T20:00:00Z'))
  for (const chunk of await chunkPart(tenantRef(abandoned)))
    await storeChunk(env.DB, chunk, new Date('2026-11-18T00:00:00Z'))

  const first = await pruneSnapshots(env, now, options)
  expect(first.manifests).toEqual(['m1', 'm3'])
  const second = await pruneSnapshots(env, now, options)
  expect(second.manifests).toEqual(['m5'])
  const third = await pruneSnapshots(env, now, options)
  expect(third.manifests).toEqual([])

  // Kept: the active m8 and the last three activated (m6–m8), m2 (a live message page), m4 (a run).
  expect(await manifestIds()).toEqual(['m2', 'm4', 'm6', 'm7', 'm8'])
  for (const i of [1, 3, 5]) expect(await partExists(sakuraHash(i))).toBe(false)
  for (const i of [2, 4, 6, 7, 8]) expect(await partExists(sakuraHash(i))).toBe(true)
  // Shared by every manifest: never pruned.
  expect(await partExists(snapshots[0]!.parts.find((p) => p.ref.kind === 'national')!.ref.hash)).toBe(true)
  expect(await partExists(tenantRef(abandoned).ref.hash)).toBe(false)
  expect(await partExists(tenantRef(fresh).ref.hash)).toBe(true)
})

it('leaves what a message page and a rollback need usable', async () => {
  // The message page of the m2 delivery is composed from m2: its snapshot still loads whole.
  const m2 = await loadSnapshot(env.DB, 'm2')
  expect(m2?.tenants.get('sakura-city')?.tenant.name.ja).toBe('さくら市2')
  // A pruned manifest cannot be rolled back to, and says so; a kept one can.
  const gone = await ingest('/rollback', { body: { contractVersion, manifestId: 'm1' } })
  expect(gone.status).toBe(404)
  const back = await ingest('/rollback', { body: { contractVersion, manifestId: 'm6' } })
  expect(back.status).toBe(200)
  const { activations } = (await (await ingest('/activations')).json()) as {
    activations: { manifestId: string; available: boolean }[]
  }
  expect(activations.find((a) => a.manifestId === 'm1')?.available).toBe(false)
  expect(activations.find((a) => a.manifestId === 'm6')?.available).toBe(true)
})

it('prunes from the cron tick too, once a run has finished and its page lifetime is over', async () => {
  await env.DB.batch([
    env.DB.prepare("UPDATE tenant_runs SET state = 'enqueued' WHERE manifest_id = 'm4'"),
    env.DB.prepare("UPDATE deliveries SET created_at = '2026-01-01T00:00:00.000Z' WHERE manifest_id = 'm2'"),
    env.DB.prepare(
      "UPDATE tenant_runs SET local_date = '2026-01-01', updated_at = '2026-01-01T00:00:00.000Z' WHERE manifest_id = 'm2'",
    ),
  ])
  await worker.scheduled(
    createScheduledController({ cron: '*/5 * * * *', scheduledTime: now.getTime() }),
    env,
  )
  // wrangler.toml keeps the last 5 activated: m6 (active again), m8, m7, m5 (already gone), m4.
  // m2's pages are past their lifetime now: it goes.
  expect(await manifestIds()).toEqual(['m4', 'm6', 'm7', 'm8'])
  expect(await partExists(sakuraHash(2))).toBe(false)
})

it('lets a publish finish when a part the edge said it had is pruned before the switch: the uploader sends it again', async () => {
  const { uploadSnapshot } = await import('../../cms/publish/upload')
  const { storeChunk } = await import('../../edge/snapshot/store')
  const { chunkPart } = await import('../../shared/contract')
  const { exports } = await import('cloudflare:workers')
  // A part left by an earlier publish that failed: verified, in no manifest, days old.
  const leftover: TenantPart = {
    ...minato,
    tenant: { ...minato.tenant, name: { ja: '残った町', en: 'Leftover' } },
  }
  const snapshot = await prepareSnapshot({
    id: 'after-prune',
    createdAt: fixtureCreatedAt,
    parts: [fixtureNationalPart, sakura, leftover],
  })
  const part = snapshot.parts.find((p) => p.ref.kind === 'tenant' && p.ref.tenant === 'minato-town')!
  for (const chunk of await chunkPart(part)) await storeChunk(env.DB, chunk, new Date('2026-11-01T00:00:00Z'))

  let pruned: string[] = []
  const edge = {
    url: 'http://edge.test',
    token: 'test-ingest-token',
    // Pruning runs between the uploader's question ("which parts do you have?") and the switch.
    fetch: (async (input: string, init?: RequestInit) => {
      if (String(input).endsWith('/ingest/manifests') && pruned.length === 0)
        pruned = (await pruneSnapshots(env, now, { ...options, batch: 50 })).parts
      return exports.default.fetch(input, init)
    }) as typeof fetch,
  }
  const report = await uploadSnapshot(edge, snapshot)
  expect(pruned).toContain(part.ref.hash)
  expect(report.uploaded).toContain(part.ref.hash)
  expect(report.skipped).not.toContain(part.ref.hash)
  expect(report.activation).toMatchObject({ manifestId: 'after-prune', active: true })
  expect(await partExists(part.ref.hash)).toBe(true)
})

it('keeps a manifest only a delivery or a run in shard 2 still uses; one nobody uses goes', async () => {
  const { recordManifest, storeChunk } = await import('../../edge/snapshot/store')
  const { chunkPart } = await import('../../shared/contract')
  const shard2 = env.SHARD_2!
  // Three manifests recorded a month ago and never activated (beyond every grace and keep).
  const recorded = new Date('2026-10-20T00:00:00Z')
  for (const id of ['s2-page', 's2-run', 's2-free']) {
    const snapshot = await prepareSnapshot({
      id,
      createdAt: fixtureCreatedAt,
      parts: [
        fixtureNationalPart,
        sakura,
        { ...minato, tenant: { ...minato.tenant, name: { ja: id, en: id } } },
      ],
    })
    for (const part of snapshot.parts)
      for (const chunk of await chunkPart(part)) await storeChunk(env.DB, chunk, recorded)
    await recordManifest(env.DB, snapshot.manifest, recorded)
  }
  // In shard 2 only: a message page composed from s2-page 10 days ago (within the 60 page days),
  // and a run of s2-run still enqueuing.
  await shard2.batch([
    shard2
      .prepare(
        `INSERT INTO subscribers (id, tenant_slug, nickname, audience, language, channel, address, state, next_send_on, created_at, updated_at)
         VALUES ('minato-reader', 'minato-town', 'はな', 'primary', 'ja', 'email', 'minato-reader@example.jp', 'active', '2099-01-01', ?1, ?1)`,
      )
      .bind('2026-11-01T00:00:00.000Z'),
    shard2
      .prepare(
        `INSERT INTO deliveries (id, subscriber_id, tenant_slug, local_date, kind, manifest_id, channel, state, idempotency_key, created_at, updated_at)
         VALUES ('d-minato', 'minato-reader', 'minato-town', '2026-11-13', 'program', 's2-page', 'email', 'sent', 'd-minato', ?1, ?1)`,
      )
      .bind('2026-11-13T00:10:00.000Z'),
    shard2.prepare(
      `INSERT INTO tenant_runs (tenant_slug, local_date, manifest_id, state, lease_holder, lease_until, started_at, updated_at)
       VALUES ('minato-town', '2026-11-13', 's2-page', 'enqueued', 'tick', '2026-11-13T00:10:00Z', '2026-11-13T00:00:00Z', '2026-11-13T00:20:00Z')`,
    ),
    shard2.prepare(
      `INSERT INTO tenant_runs (tenant_slug, local_date, manifest_id, state, lease_holder, lease_until, started_at, updated_at)
       VALUES ('minato-town', '2026-10-21', 's2-run', 'enqueuing', 'tick', '2026-10-21T00:10:00Z', '2026-10-21T00:00:00Z', '2026-10-21T00:00:00Z')`,
    ),
  ])
  const pruned: string[] = []
  for (let call = 0; call < 5; call++)
    pruned.push(...(await pruneSnapshots(env, now, { ...options, batch: 10 })).manifests)
  expect(pruned).toContain('s2-free')
  expect(await manifestIds()).toEqual(expect.arrayContaining(['s2-page', 's2-run']))
  expect(await manifestIds()).not.toContain('s2-free')
  const page = await loadSnapshot(env.DB, 's2-page')
  expect(page?.tenants.get('minato-town')?.tenant.name.ja).toBe('s2-page')
})

it('keeps a manifest while a page made from it may be open, by the runs that name it: a day settled late, an announcement, a dead-lettered batch', async () => {
  const { recordManifest, storeChunk } = await import('../../edge/snapshot/store')
  const { chunkPart } = await import('../../shared/contract')
  const recorded = new Date('2026-06-01T00:00:00Z')
  const ids = ['late-day', 'announced', 'dead-lettered', 'long-gone']
  for (const id of ids) {
    const snapshot = await prepareSnapshot({
      id,
      createdAt: fixtureCreatedAt,
      parts: [
        fixtureNationalPart,
        { ...sakura, tenant: { ...sakura.tenant, name: { ja: id, en: id } } },
        minato,
      ],
    })
    for (const part of snapshot.parts)
      for (const chunk of await chunkPart(part)) await storeChunk(env.DB, chunk, recorded)
    await recordManifest(env.DB, snapshot.manifest, recorded)
  }
  // 60 page days before now is 2026-09-24. late-day: a run of 2026-07-01 whose last batch was
  // settled (a retry, a dead letter) on 2026-09-10 — a page made then may be open until about
  // 2026-11-09, and a batch may wait up to 28 days on the queues, so it is kept. long-gone: its run
  // ended on its day, 2026-07-01, past both.
  await env.DB.batch([
    env.DB.prepare(
      `INSERT INTO tenant_runs (tenant_slug, local_date, manifest_id, state, lease_holder, lease_until, started_at, updated_at)
       VALUES ('sakura-city', '2026-07-01', 'late-day', 'enqueued', 'tick', '2026-07-01T00:10:00Z', '2026-07-01T00:00:00Z', '2026-09-10T00:00:00Z'),
              ('sakura-city', '2026-07-02', 'long-gone', 'enqueued', 'tick', '2026-07-02T00:10:00Z', '2026-07-02T00:00:00Z', '2026-07-02T00:20:00Z')`,
    ),
    env.DB.prepare(
      `INSERT INTO announcement_runs (tenant_slug, announcement_id, version, manifest_id, state, started_at, finished_at, updated_at)
       VALUES ('sakura-city', 'checkup-day', 1, 'announced', 'sent', '2026-09-20T00:00:00Z', '2026-09-20T01:00:00Z', '2026-09-20T01:00:00Z')`,
    ),
    env.DB.prepare(
      `INSERT INTO dead_letters (id, queue, tenant_slug, local_date, manifest_id, body, attempts, received_at)
       VALUES ('dl-1', 'yorisoi-delivery', 'sakura-city', '2026-09-01', 'dead-lettered', '{}', 5, '2026-09-05T00:00:00Z')`,
    ),
  ])
  const pruned: string[] = []
  for (let call = 0; call < 5; call++)
    pruned.push(...(await pruneSnapshots(env, now, { ...options, batch: 10 })).manifests)
  expect(pruned).toContain('long-gone')
  expect(await manifestIds()).toEqual(expect.arrayContaining(['late-day', 'announced', 'dead-lettered']))
  expect(await manifestIds()).not.toContain('long-gone')
  for (const id of ['late-day', 'announced', 'dead-lettered'])
    expect((await loadSnapshot(env.DB, id))?.tenants.get('sakura-city')?.tenant.name.ja).toBe(id)

  // Once those too are past a page's lifetime and the queues' days, they go.
  const later = new Date('2027-01-15T00:00:00Z')
  for (let call = 0; call < 5; call++) await pruneSnapshots(env, later, { ...options, batch: 10 })
  for (const id of ['late-day', 'announced', 'dead-lettered']) expect(await manifestIds()).not.toContain(id)
})
