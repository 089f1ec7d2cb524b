// Ingest of a national-size snapshot (1,741 tenant parts × 20 local entries + the national content
// as shipped: every sample message of seed/content, 9,000-odd) into local D1 through the real ingest API (wrangler dev, workerd), against a baseline of raw inserts
// of the same bytes into a local D1 of its own (no HTTP, no hashing, no verification).
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { D1Database } from '@cloudflare/workers-types'
import { getPlatformProxy } from 'wrangler'
import { uploadSnapshot } from '../../cms/publish/upload'
import { applyMigrations, startLocalWorker } from '../../dev/local-worker'
import { seededEditions } from '../../seed/content/editions'
import { generateSampleMessages } from '../../seed/content/generate'
import {
  chunkPart,
  type LocalSupportEntry,
  type MessageVersion,
  type NationalPart,
  type PreparedSnapshot,
  prepareSnapshot,
  type TenantPart,
} from '../../shared/contract'
import { fixtureCreatedAt, fixtureNationalPart, fixtureTenantParts } from '../../shared/contract/fixture'
import type { Scenario } from '../scenario'

/** The national part as shipped (every sample message; `quick`: one language's), its first message at `edition`. */
function nationalPart(quick: boolean, edition: number): NationalPart {
  const messages: MessageVersion[] = generateSampleMessages(
    undefined,
    quick ? seededEditions.slice(0, 1) : undefined,
  ).map((m, i) => ({
    id: `sample:${m.slot}:${m.audience}:${m.language}`,
    version: i === 0 ? edition : 1,
    slot: m.slot,
    audience: m.audience,
    language: m.language,
    subject: m.subject,
    body: m.body,
    shortText: m.shortText,
    topics: m.topicTags,
    supervisors: ['見本（未監修）'],
    sample: true as const,
  }))
  return { ...fixtureNationalPart, messages }
}

function tenantParts(tenants: number, entriesEach: number): TenantPart[] {
  const template = fixtureTenantParts[0]!
  const entry = template.localEntries[0]!
  return Array.from({ length: tenants }, (_, t) => {
    const slug = `bench-${String(t).padStart(4, '0')}`
    const localEntries: LocalSupportEntry[] = Array.from({ length: entriesEach }, (_, e) => ({
      ...entry,
      id: `${slug}-${e}`,
      title: `${entry.title} ${e + 1}`,
    }))
    return { ...template, tenant: { ...template.tenant, slug }, localEntries }
  })
}

async function rawInsert(db: D1Database, snapshot: PreparedSnapshot): Promise<void> {
  const at = new Date().toISOString()
  for (const part of snapshot.parts) {
    const chunks = await chunkPart(part)
    await db.batch([
      db
        .prepare(
          `INSERT INTO snapshot_parts (hash, kind, tenant_slug, size, chunk_count, received_at, verified_at)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)`,
        )
        .bind(
          part.ref.hash,
          part.ref.kind,
          part.ref.kind === 'tenant' ? part.ref.tenant : null,
          part.ref.size,
          chunks.length,
          at,
        ),
      ...chunks.map((c) =>
        db
          .prepare(
            'INSERT INTO snapshot_part_chunks (part_hash, idx, chunk_hash, data) VALUES (?1, ?2, ?3, ?4)',
          )
          .bind(part.ref.hash, c.index, c.chunkHash, c.data),
      ),
    ])
  }
}

async function seconds(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await work()
  return (performance.now() - start) / 1000
}

const scenario: Scenario = {
  name: 'ingest-national-snapshot',
  async run({ quick }) {
    const tenants = quick ? 60 : 1741
    const national = nationalPart(quick, 1)
    const messages = national.messages.length
    const parts = [national, ...tenantParts(tenants, 20)]
    const snapshot = await prepareSnapshot({ id: 'bench-1', createdAt: fixtureCreatedAt, parts })
    const bytes = snapshot.parts.reduce((sum, p) => sum + p.ref.size, 0)

    const dir = mkdtempSync(join(tmpdir(), 'yorisoi-bench-ingest-'))
    const token = randomBytes(24).toString('base64url')
    const worker = await startLocalWorker({ persistTo: join(dir, 'edge'), vars: { INGEST_TOKEN: token } })
    try {
      const edge = { url: worker.url, token }
      const full = await seconds(() => uploadSnapshot(edge, snapshot))
      // One message edited and approved: only the national part travels again.
      const edited = await prepareSnapshot({
        id: 'bench-2',
        createdAt: fixtureCreatedAt,
        parts: [nationalPart(quick, 2), ...parts.slice(1)],
      })
      const incremental = await seconds(() => uploadSnapshot(edge, edited))

      await applyMigrations(join(dir, 'raw'))
      const proxy = await getPlatformProxy<{ DB: D1Database }>({
        configPath: 'wrangler.toml',
        persist: { path: join(dir, 'raw', 'v3') },
      })
      const baseline = await seconds(() => rawInsert(proxy.env.DB, snapshot))
      await proxy.dispose()

      return {
        value: full,
        unit: 's',
        baseline,
        ratio: full / baseline,
        figures: { ingestSeconds: full, incrementalIngestSeconds: incremental },
        notes:
          `${snapshot.parts.length} parts, ${(bytes / 2 ** 20).toFixed(1)} MiB canonical JSON, ${messages} messages (the sample content as shipped), ` +
          `${tenants} tenants × 20 entries; through the ingest API (HTTP, slice + part hashing, schema check) ` +
          `with 6 parts in flight, vs raw inserts of the same slices, part by part, via getPlatformProxy (lower is better). ` +
          `Republish after one edited message (only the national part sent): ${incremental.toFixed(2)} s.`,
      }
    } finally {
      await worker.stop()
      rmSync(dir, { recursive: true, force: true })
    }
  },
}

export default scenario
