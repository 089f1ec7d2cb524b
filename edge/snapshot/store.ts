import type { D1Database } from '@cloudflare/workers-types'
import {
  chunkPart,
  type Manifest,
  type PartChunkRequest,
  type PartRef,
  type PreparedSnapshot,
  sha256Hex,
  snapshotPart,
  utf8Size,
} from '../../shared/contract'
import type { Env } from '../env'
import { placeManifestTenants } from '../shards/map'
import { type Activation, activateManifest } from './active'
import { nationalPartCheck, storedDigests } from './message-digests'

export type ChunkOutcome =
  | { ok: true; received: number; verified: boolean }
  | {
      ok: false
      reason: 'chunk-hash-mismatch' | 'part-hash-mismatch' | 'part-kind-mismatch' | 'part-too-large'
    }

/**
 * The largest part the edge takes (UTF-8 bytes of its canonical JSON). A part is joined and parsed
 * in one Worker's memory (128 MB, and a JS string takes two bytes a character), so this is where
 * it stops: a national-size part (2,500 messages) is a few MiB.
 */
export const maxPartBytes = 32 * 1024 * 1024

/**
 * Stores one slice of a part under the part's hash. When the last slice lands, the whole part is
 * checked (hash, size, shape) before it is marked verified; a part that fails is dropped whole so a
 * corrected upload can start again. A manifest can only become active once all its parts verified.
 */
export async function storeChunk(db: D1Database, chunk: PartChunkRequest, now: Date): Promise<ChunkOutcome> {
  if ((await sha256Hex(chunk.data)) !== chunk.chunkHash) return { ok: false, reason: 'chunk-hash-mismatch' }
  const part = chunk.part
  // Sizes are checked before anything is stored or joined: the declared size against the limit,
  // and every slice against the declared size (so slices can never add up to more than the limit).
  if (part.size > maxPartBytes || utf8Size(chunk.data) > part.size)
    return { ok: false, reason: 'part-too-large' }
  if (chunk.count === 1) return storeWholePart(db, chunk, now)
  await db.batch([
    db
      .prepare(
        `INSERT INTO snapshot_parts (hash, kind, tenant_slug, size, chunk_count, received_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (hash) DO NOTHING`,
      )
      .bind(
        part.hash,
        part.kind,
        part.kind === 'tenant' ? part.tenant : null,
        part.size,
        chunk.count,
        now.toISOString(),
      ),
    // A slice that would take the slices stored so far past the declared size is not stored.
    // octet_length reads each stored slice's size from its record header, not its text: summing
    // CAST(data AS BLOB) read every slice again for each new one (a national part's publish, quadratic).
    db
      .prepare(
        `INSERT INTO snapshot_part_chunks (part_hash, idx, chunk_hash, data)
         SELECT ?1, ?2, ?3, ?4
         WHERE (SELECT coalesce(sum(octet_length(data)), 0) FROM snapshot_part_chunks
                WHERE part_hash = ?1 AND idx <> ?2) + ?5 <= ?6
         ON CONFLICT (part_hash, idx) DO NOTHING`,
      )
      .bind(part.hash, chunk.index, chunk.chunkHash, chunk.data, utf8Size(chunk.data), part.size),
  ])
  const state = await db
    .prepare(
      `SELECT p.verified_at AS verifiedAt, p.chunk_count AS chunkCount,
              (SELECT count(*) FROM snapshot_part_chunks c WHERE c.part_hash = p.hash) AS received,
              (SELECT count(*) FROM snapshot_part_chunks c WHERE c.part_hash = p.hash AND c.idx = ?2) AS present,
              (SELECT coalesce(sum(octet_length(c.data)), 0) FROM snapshot_part_chunks c
               WHERE c.part_hash = p.hash) AS bytes
       FROM snapshot_parts p WHERE p.hash = ?1`,
    )
    .bind(part.hash, chunk.index)
    .first<{
      verifiedAt: string | null
      chunkCount: number
      received: number
      present: number
      bytes: number
    }>()
  if (!state) return { ok: false, reason: 'part-hash-mismatch' }
  if (state.verifiedAt) return { ok: true, received: state.received, verified: true }
  if (!state.present) return { ok: false, reason: 'part-too-large' }
  if (state.received < state.chunkCount) return { ok: true, received: state.received, verified: false }
  if (state.bytes !== part.size) {
    // Checked before the slices are joined; the part starts again from nothing.
    await db.prepare('DELETE FROM snapshot_parts WHERE hash = ?1').bind(part.hash).run()
    return { ok: false, reason: 'part-hash-mismatch' }
  }
  const verdict = await verifyPart(db, part)
  if (!verdict.ok) {
    await db.prepare('DELETE FROM snapshot_parts WHERE hash = ?1').bind(part.hash).run()
    return verdict
  }
  await db
    .prepare('UPDATE snapshot_parts SET verified_at = ?2, message_digests = ?3 WHERE hash = ?1')
    .bind(part.hash, now.toISOString(), verdict.messageDigests)
    .run()
  return { ok: true, received: state.received, verified: true }
}

/**
 * Most parts (a tenant's) fit in one slice: checked in memory and written verified in one batch,
 * so a refused part leaves nothing behind and a good one costs a single round trip.
 */
async function storeWholePart(db: D1Database, chunk: PartChunkRequest, now: Date): Promise<ChunkOutcome> {
  const part = chunk.part
  const verdict = await verifyText(db, chunk.data, part, chunk.chunkHash)
  if (!verdict.ok) return verdict
  const at = now.toISOString()
  await db.batch([
    // Slices of an earlier, unfinished upload of the same part in another slicing are superseded.
    db.prepare('DELETE FROM snapshot_parts WHERE hash = ?1 AND verified_at IS NULL').bind(part.hash),
    db
      .prepare(
        `INSERT INTO snapshot_parts (hash, kind, tenant_slug, size, chunk_count, received_at, verified_at, message_digests)
         VALUES (?1, ?2, ?3, ?4, 1, ?5, ?5, ?6) ON CONFLICT (hash) DO NOTHING`,
      )
      .bind(
        part.hash,
        part.kind,
        part.kind === 'tenant' ? part.tenant : null,
        part.size,
        at,
        verdict.messageDigests,
      ),
    db
      .prepare(
        `INSERT INTO snapshot_part_chunks (part_hash, idx, chunk_hash, data) VALUES (?1, 0, ?2, ?3)
         ON CONFLICT (part_hash, idx) DO NOTHING`,
      )
      .bind(part.hash, chunk.chunkHash, chunk.data),
  ])
  return { ok: true, received: 1, verified: true }
}

/**
 * Many single-slice parts (POST /ingest/parts) checked in memory, then written verified together in
 * one batch of three statements (rows as one JSON parameter each): all stored, or, when one is
 * refused, none — with the reason and the refused part's hash.
 */
export async function storeWholeParts(
  db: D1Database,
  chunks: readonly PartChunkRequest[],
  now: Date,
): Promise<
  { ok: true } | { ok: false; reason: Exclude<ChunkOutcome, { ok: true }>['reason']; hash: string }
> {
  const digests: (string | null)[] = []
  for (const chunk of chunks) {
    const part = chunk.part
    if (chunk.count !== 1 || (await sha256Hex(chunk.data)) !== chunk.chunkHash)
      return { ok: false, reason: 'chunk-hash-mismatch', hash: part.hash }
    if (part.size > maxPartBytes || utf8Size(chunk.data) > part.size)
      return { ok: false, reason: 'part-too-large', hash: part.hash }
    const verdict = await verifyText(db, chunk.data, part, chunk.chunkHash)
    if (!verdict.ok) return { ...verdict, hash: part.hash }
    digests.push(verdict.messageDigests)
  }
  const at = now.toISOString()
  const hashes = JSON.stringify(chunks.map((c) => c.part.hash))
  const parts = JSON.stringify(
    chunks.map((c, i) => [
      c.part.hash,
      c.part.kind,
      c.part.kind === 'tenant' ? c.part.tenant : null,
      c.part.size,
      digests[i],
    ]),
  )
  const slices = JSON.stringify(chunks.map((c) => [c.part.hash, c.chunkHash, c.data]))
  await db.batch([
    db
      .prepare(
        'DELETE FROM snapshot_parts WHERE hash IN (SELECT value FROM json_each(?1)) AND verified_at IS NULL',
      )
      .bind(hashes),
    db
      .prepare(
        `INSERT INTO snapshot_parts (hash, kind, tenant_slug, size, chunk_count, received_at, verified_at, message_digests)
         SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, 1, ?2, ?2, value ->> 4 FROM json_each(?1) WHERE true
         ON CONFLICT (hash) DO NOTHING`,
      )
      .bind(parts, at),
    db
      .prepare(
        `INSERT INTO snapshot_part_chunks (part_hash, idx, chunk_hash, data)
         SELECT value ->> 0, 0, value ->> 1, value ->> 2 FROM json_each(?1) WHERE true
         ON CONFLICT (part_hash, idx) DO NOTHING`,
      )
      .bind(slices),
  ])
  return { ok: true }
}

type Verdict =
  | { ok: true /** A national part's, as stored (message-digests.ts). */; messageDigests: string | null }
  | { ok: false; reason: 'part-hash-mismatch' | 'part-kind-mismatch' }

async function verifyPart(db: D1Database, ref: PartRef): Promise<Verdict> {
  const text = await readPartText(db, ref.hash)
  if (text === null) return { ok: false, reason: 'part-hash-mismatch' }
  return verifyText(db, text, ref)
}

async function verifyText(
  db: D1Database,
  text: string,
  ref: PartRef,
  /** The text's SHA-256 when already computed (a whole part's one slice, checked on arrival). */
  knownHash?: string,
): Promise<Verdict> {
  if (utf8Size(text) !== ref.size || (knownHash ?? (await sha256Hex(text))) !== ref.hash) {
    return { ok: false, reason: 'part-hash-mismatch' }
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { ok: false, reason: 'part-kind-mismatch' }
  }
  if (ref.kind === 'national') {
    const check = await nationalPartCheck(db, json)
    if (!check.schema.safeParse(json).success) return { ok: false, reason: 'part-kind-mismatch' }
    return { ok: true, messageDigests: storedDigests(check.digests) }
  }
  const parsed = snapshotPart.safeParse(json)
  if (!parsed.success || parsed.data.kind !== 'tenant' || parsed.data.tenant.slug !== ref.tenant) {
    return { ok: false, reason: 'part-kind-mismatch' }
  }
  return { ok: true, messageDigests: null }
}

/** The part's canonical JSON, slices joined in order; null when a slice is missing. */
export async function readPartText(db: D1Database, hash: string): Promise<string | null> {
  const { results } = await db
    .prepare(
      `SELECT c.data AS data FROM snapshot_part_chunks c JOIN snapshot_parts p ON p.hash = c.part_hash
       WHERE c.part_hash = ?1 ORDER BY c.idx`,
    )
    .bind(hash)
    .all<{ data: string }>()
  const count = await db
    .prepare('SELECT chunk_count AS n FROM snapshot_parts WHERE hash = ?1')
    .bind(hash)
    .first<{ n: number }>()
  if (!count || results.length !== count.n) return null
  return results.map((r) => r.data).join('')
}

/** Records a manifest (idempotent: the same id twice is one manifest). */
export async function recordManifest(db: D1Database, manifest: Manifest, now: Date): Promise<void> {
  const body = JSON.stringify(manifest)
  await db.batch([
    db
      .prepare(
        `INSERT INTO manifests (id, contract_version, created_at, received_at, body, body_hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (id) DO NOTHING`,
      )
      .bind(
        manifest.id,
        manifest.contractVersion,
        manifest.createdAt,
        now.toISOString(),
        body,
        await sha256Hex(body),
      ),
    db
      .prepare(
        `INSERT INTO manifest_parts (manifest_id, part_hash) SELECT ?1, value FROM json_each(?2) WHERE true
         ON CONFLICT DO NOTHING`,
      )
      .bind(manifest.id, JSON.stringify(manifest.parts.map((p) => p.hash))),
  ])
}

/**
 * Puts a whole prepared snapshot into D1 and makes it active: what the ingest API does over many
 * requests, in one call, for the seed command and tests. New tenants are placed on the shards
 * `env` binds (shard 1 alone without it).
 */
export async function storeSnapshot(
  db: D1Database,
  snapshot: PreparedSnapshot,
  now = new Date(),
  env: Env = { DB: db } as Env,
): Promise<Activation> {
  for (const part of snapshot.parts) {
    for (const chunk of await chunkPart(part)) {
      const outcome = await storeChunk(db, chunk, now)
      if (!outcome.ok) throw new Error(`part ${part.ref.hash} refused: ${outcome.reason}`)
    }
  }
  await recordManifest(db, snapshot.manifest, now)
  await placeManifestTenants(env, snapshot.manifest.id, now)
  return activateManifest(db, snapshot.manifest.id, now)
}
