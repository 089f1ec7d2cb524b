import type { D1Database } from '@cloudflare/workers-types'
import type { Manifest } from '../../shared/contract'

export interface PartStatus {
  hash: string
  exists: boolean
  verified: boolean
}

export async function partStatus(db: D1Database, hash: string): Promise<PartStatus> {
  const row = await db
    .prepare('SELECT verified_at AS verifiedAt FROM snapshot_parts WHERE hash = ?1')
    .bind(hash)
    .first<{ verifiedAt: string | null }>()
  return { hash, exists: row !== null, verified: Boolean(row?.verifiedAt) }
}

export async function partStatuses(db: D1Database, hashes: readonly string[]): Promise<PartStatus[]> {
  const { results } = await db
    .prepare(
      `SELECT j.value AS hash, p.hash IS NOT NULL AS present, p.verified_at IS NOT NULL AS verified
       FROM json_each(?1) j LEFT JOIN snapshot_parts p ON p.hash = j.value ORDER BY j.key`,
    )
    .bind(JSON.stringify(hashes))
    .all<{ hash: string; present: number; verified: number }>()
  return results.map((r) => ({ hash: r.hash, exists: r.present === 1, verified: r.verified === 1 }))
}

/** The hashes a manifest names that have not landed whole and verified. */
export async function missingParts(db: D1Database, manifest: Manifest): Promise<string[]> {
  const { results } = await db
    .prepare(
      `SELECT j.value AS hash FROM json_each(?1) j
       LEFT JOIN snapshot_parts p ON p.hash = j.value
       WHERE p.verified_at IS NULL`,
    )
    .bind(JSON.stringify(manifest.parts.map((p) => p.hash)))
    .all<{ hash: string }>()
  return results.map((r) => r.hash)
}

/** A recorded manifest, as it was received. */
export async function readManifest(db: D1Database, id: string): Promise<Manifest | null> {
  const row = await db.prepare('SELECT body FROM manifests WHERE id = ?1').bind(id).first<{ body: string }>()
  return row ? (JSON.parse(row.body) as Manifest) : null
}
