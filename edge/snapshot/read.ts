import type { D1Database } from '@cloudflare/workers-types'
import type { Manifest, NationalPart, SnapshotPart, TenantPart } from '../../shared/contract'
import { readActiveManifest } from './active'

export interface LoadedSnapshot {
  manifest: Manifest
  national: NationalPart
  tenants: ReadonlyMap<string, TenantPart>
}

// Parts are immutable and named by their hash, so an isolate may keep them as long as it lives.
const parts = new Map<string, SnapshotPart>()

// Parts not kept yet are read this many to a query: a national manifest names 1,742, and one
// query each (two, with the slice count) went past D1's 1,000 queries per invocation.
const partsPerRead = 100

/** Reads into the isolate's copy every part of `hashes` it does not have yet. */
async function loadParts(db: D1Database, hashes: readonly string[]): Promise<void> {
  const wanted = [...new Set(hashes.filter((hash) => !parts.has(hash)))]
  for (let from = 0; from < wanted.length; from += partsPerRead) {
    const group = wanted.slice(from, from + partsPerRead)
    const { results } = await db
      .prepare(
        `SELECT c.part_hash AS hash, c.data AS data, p.chunk_count AS count
         FROM snapshot_part_chunks c JOIN snapshot_parts p ON p.hash = c.part_hash
         WHERE c.part_hash IN (SELECT value FROM json_each(?1)) ORDER BY c.part_hash, c.idx`,
      )
      .bind(JSON.stringify(group))
      .all<{ hash: string; data: string; count: number }>()
    const slices = new Map<string, { data: string[]; count: number }>()
    for (const row of results) {
      const part = slices.get(row.hash) ?? { data: [], count: row.count }
      part.data.push(row.data)
      slices.set(row.hash, part)
    }
    for (const hash of group) {
      const part = slices.get(hash)
      if (!part || part.data.length !== part.count) throw new Error(`snapshot part ${hash} is incomplete`)
      // Verified against its hash and schema when it was ingested.
      parts.set(hash, JSON.parse(part.data.join('')) as SnapshotPart)
    }
  }
}

// A manifest is immutable while it exists, but one pruned can be recorded again under its id, with
// other content: a loaded snapshot is kept under its id and stamped with the SHA-256 of the manifest
// it was read from, checked with one small read. (A manifest recorded before the hash was kept is
// stamped with when it was made and received; any manifest recorded since has a hash, never equal.)
const snapshots = new Map<string, { stamp: string; snapshot: LoadedSnapshot }>()
const keptSnapshots = 8

const stampColumn = `coalesce(body_hash, received_at || ' ' || created_at) AS stamp`

/** The statement reading what a kept snapshot is checked against (snapshotAt's `stamp`); no row: gone. */
export const manifestStamp = (db: D1Database, manifestId: string) =>
  db.prepare(`SELECT ${stampColumn} FROM manifests WHERE id = ?1`).bind(manifestId)

export async function loadSnapshot(db: D1Database, manifestId: string): Promise<LoadedSnapshot | null> {
  // Nothing kept under this id: the manifest and its stamp in one read.
  if (!snapshots.has(manifestId)) return readSnapshot(db, manifestId)
  const stamp = await manifestStamp(db, manifestId).first<string>('stamp')
  return stamp === null ? null : snapshotAt(db, manifestId, stamp)
}

/** The snapshot of a manifest known to exist with `stamp` (manifestStamp), from the isolate's copy when it has one. */
export async function snapshotAt(
  db: D1Database,
  manifestId: string,
  stamp: string,
): Promise<LoadedSnapshot | null> {
  const kept = snapshots.get(manifestId)
  if (kept?.stamp === stamp) return kept.snapshot
  return readSnapshot(db, manifestId)
}

/** Reads a manifest and its parts (those the isolate lacks) and keeps the snapshot under its stamp. */
async function readSnapshot(db: D1Database, manifestId: string): Promise<LoadedSnapshot | null> {
  const row = await db
    .prepare(`SELECT body, ${stampColumn} FROM manifests WHERE id = ?1`)
    .bind(manifestId)
    .first<{ body: string; stamp: string }>()
  if (!row) return null
  const manifest = JSON.parse(row.body) as Manifest
  let national: NationalPart | undefined
  const tenants = new Map<string, TenantPart>()
  await loadParts(
    db,
    manifest.parts.map((ref) => ref.hash),
  )
  for (const ref of manifest.parts) {
    const part = parts.get(ref.hash)!
    if (part.kind === 'national') national = part
    else tenants.set(part.tenant.slug, part)
  }
  if (!national) throw new Error(`manifest ${manifestId} has no national part`)
  const snapshot = { manifest, national, tenants }
  snapshots.delete(manifestId)
  snapshots.set(manifestId, { stamp: row.stamp, snapshot })
  // Oldest first in a Map's order: the least recently loaded goes.
  if (snapshots.size > keptSnapshots) snapshots.delete(snapshots.keys().next().value as string)
  return snapshot
}

/** The snapshot the edge serves now, or null before the first publish. */
export async function loadActiveSnapshot(db: D1Database): Promise<LoadedSnapshot | null> {
  const active = await readActiveManifest(db)
  return active ? loadSnapshot(db, active.manifestId) : null
}
