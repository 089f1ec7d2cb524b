import type { D1Database } from '@cloudflare/workers-types'
import type { IngestActor } from '../../shared/contract'

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
  /** What the activation history records: a publish or a rollback, and who asked. */
  record: { action: 'publish' | 'rollback'; actor?: IngestActor | null } = { action: 'publish' },
): Promise<Activation> {
  const activatedAt = now.toISOString()
  const flip = db
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
  // In the switch's own transaction, and only if this very switch happened.
  const history = db
    .prepare(
      `INSERT INTO manifest_activations (manifest_id, previous_manifest_id, action, activated_at, actor_id, actor_name)
       SELECT manifest_id, previous_manifest_id, ?3, activated_at, ?4, ?5 FROM active_manifest
       WHERE slot = 1 AND manifest_id = ?1 AND activated_at = ?2 AND changes() > 0`,
    )
    .bind(manifestId, activatedAt, record.action, record.actor?.id ?? null, record.actor?.name ?? null)
  const [flipResult] = await db.batch<{ previousManifestId: string | null }>([flip, history])
  const flipped = flipResult?.results[0]
  if (flipped)
    return { activated: true, manifestId, previousManifestId: flipped.previousManifestId, activatedAt }
  const known = await db.prepare('SELECT 1 AS found FROM manifests WHERE id = ?1').bind(manifestId).first()
  if (!known) return { activated: false, reason: 'unknown-manifest' }
  if (basedOn !== undefined && ((await readActiveManifest(db))?.manifestId ?? null) !== basedOn) {
    return { activated: false, reason: 'active-manifest-changed' }
  }
  return { activated: false, reason: 'missing-parts' }
}
