import type { D1Database } from '@cloudflare/workers-types'

export interface ActiveManifest {
  manifestId: string
  activatedAt: string
  previousManifestId: string | null
}

export async function readActiveManifest(db: D1Database): Promise<ActiveManifest | null> {
  return db
    .prepare(
      `SELECT manifest_id AS manifestId, activated_at AS activatedAt, previous_manifest_id AS previousManifestId
       FROM active_manifest WHERE slot = 1`,
    )
    .first<ActiveManifest>()
}

export type Activation =
  | { activated: true; manifestId: string; previousManifestId: string | null; activatedAt: string }
  | { activated: false; reason: 'unknown-manifest' | 'missing-parts' | 'active-manifest-changed' }

/**
 * Makes a recorded manifest the one the edge serves, in a single statement: it flips only if
 * every part the manifest names has landed and been verified, so readers see the old snapshot or
 * the new one, never a mixture. Rolling back is activating an earlier manifest.
 */
export async function activateManifest(
  db: D1Database,
  manifestId: string,
  now: Date,
  /** When given, switch only if this is still the active manifest (null: none is). */
  basedOn?: string | null,
): Promise<Activation> {
  const activatedAt = now.toISOString()
  const flipped = await db
    .prepare(
      `INSERT INTO active_manifest (slot, manifest_id, activated_at, previous_manifest_id)
       SELECT 1, m.id, ?2, (SELECT manifest_id FROM active_manifest WHERE slot = 1)
       FROM manifests m
       WHERE m.id = ?1
         AND NOT EXISTS (
           SELECT 1 FROM manifest_parts mp
           LEFT JOIN snapshot_parts p ON p.hash = mp.part_hash
           WHERE mp.manifest_id = m.id AND p.verified_at IS NULL)
         AND (?3 = 0 OR (SELECT manifest_id FROM active_manifest WHERE slot = 1) IS ?4)
       ON CONFLICT (slot) DO UPDATE SET
         manifest_id = excluded.manifest_id,
         activated_at = excluded.activated_at,
         previous_manifest_id = active_manifest.manifest_id
       RETURNING previous_manifest_id AS previousManifestId`,
    )
    .bind(manifestId, activatedAt, basedOn === undefined ? 0 : 1, basedOn ?? null)
    .first<{ previousManifestId: string | null }>()
  if (flipped)
    return { activated: true, manifestId, previousManifestId: flipped.previousManifestId, activatedAt }
  const known = await db.prepare('SELECT 1 AS found FROM manifests WHERE id = ?1').bind(manifestId).first()
  if (!known) return { activated: false, reason: 'unknown-manifest' }
  if (basedOn !== undefined && ((await readActiveManifest(db))?.manifestId ?? null) !== basedOn) {
    return { activated: false, reason: 'active-manifest-changed' }
  }
  return { activated: false, reason: 'missing-parts' }
}
