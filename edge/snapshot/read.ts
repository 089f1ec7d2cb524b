import type { D1Database } from '@cloudflare/workers-types'
import type { Manifest, NationalPart, SnapshotPart, TenantPart } from '../../shared/contract'
import { readActiveManifest } from './active'
import { readPartText } from './store'

export interface LoadedSnapshot {
  manifest: Manifest
  national: NationalPart
  tenants: ReadonlyMap<string, TenantPart>
}

// Parts are immutable and named by their hash, so an isolate may keep them as long as it lives.
const parts = new Map<string, SnapshotPart>()

async function loadPart(db: D1Database, hash: string): Promise<SnapshotPart> {
  const cached = parts.get(hash)
  if (cached) return cached
  const text = await readPartText(db, hash)
  if (text === null) throw new Error(`snapshot part ${hash} is incomplete`)
  // Verified against its hash and schema when it was ingested.
  const part = JSON.parse(text) as SnapshotPart
  parts.set(hash, part)
  return part
}

export async function loadSnapshot(db: D1Database, manifestId: string): Promise<LoadedSnapshot | null> {
  const row = await db
    .prepare('SELECT body FROM manifests WHERE id = ?1')
    .bind(manifestId)
    .first<{ body: string }>()
  if (!row) return null
  const manifest = JSON.parse(row.body) as Manifest
  let national: NationalPart | undefined
  const tenants = new Map<string, TenantPart>()
  for (const ref of manifest.parts) {
    const part = await loadPart(db, ref.hash)
    if (part.kind === 'national') national = part
    else tenants.set(part.tenant.slug, part)
  }
  if (!national) throw new Error(`manifest ${manifestId} has no national part`)
  return { manifest, national, tenants }
}

/** The snapshot the edge serves now, or null before the first publish. */
export async function loadActiveSnapshot(db: D1Database): Promise<LoadedSnapshot | null> {
  const active = await readActiveManifest(db)
  return active ? loadSnapshot(db, active.manifestId) : null
}
