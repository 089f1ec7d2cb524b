import type { D1Database } from '@cloudflare/workers-types'
import type { ActivationRecord } from '../../shared/contract'

/** The activation history, newest first; `before` (an id) pages to older entries. */
export async function readActivations(
  db: D1Database,
  query: { limit: number; before?: number },
): Promise<ActivationRecord[]> {
  const { results } = await db
    .prepare(
      `SELECT a.id, a.manifest_id AS manifestId, a.previous_manifest_id AS previousManifestId, a.action,
              a.activated_at AS activatedAt, a.actor_id AS actorId, a.actor_name AS actorName,
              EXISTS (SELECT 1 FROM manifests m WHERE m.id = a.manifest_id) AS available
       FROM manifest_activations a
       WHERE ?1 IS NULL OR a.id < ?1
       ORDER BY a.id DESC LIMIT ?2`,
    )
    .bind(query.before ?? null, query.limit)
    .all<{
      id: number
      manifestId: string
      previousManifestId: string | null
      action: 'publish' | 'rollback'
      activatedAt: string
      actorId: string | null
      actorName: string | null
      available: number
    }>()
  return results.map((r) => ({
    id: r.id,
    manifestId: r.manifestId,
    previousManifestId: r.previousManifestId,
    action: r.action,
    activatedAt: r.activatedAt,
    actor: r.actorId && r.actorName ? { id: r.actorId, name: r.actorName } : null,
    available: r.available === 1,
  }))
}
