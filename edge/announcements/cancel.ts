import type { D1Database } from '@cloudflare/workers-types'
import type { Announcement } from '../../shared/contract'

/** cancelled: this call stopped it; already: it was cancelled before; sent: too late, nothing changed. */
export type CancelOutcome = 'cancelled' | 'already' | 'sent'

/**
 * Stops an announcement of the town: before its send started, a run row is written already
 * cancelled (so the walk never starts it, whatever a later snapshot says); while sending, the run
 * turns cancelled (the walk and the sends stop at their next look; what went out stays sent). One
 * transaction, so a walk starting at the same moment either finds the cancel or is cancelled.
 * An announcement the snapshot does not know (yet) is cancelled as version 0.
 */
export async function cancelAnnouncement(
  db: D1Database,
  input: {
    tenant: string
    id: string
    published: Pick<Announcement, 'version' | 'urgent'> | undefined
    staffUser: string
    now: Date
  },
): Promise<CancelOutcome> {
  const at = input.now.toISOString()
  const [inserted, updated, final] = await db.batch<{ state: string }>([
    db
      .prepare(
        `INSERT INTO announcement_runs (tenant_slug, announcement_id, version, state, urgent, cancelled_at, cancelled_by, updated_at)
         VALUES (?1, ?2, ?3, 'cancelled', ?4, ?5, ?6, ?5) ON CONFLICT DO NOTHING`,
      )
      .bind(
        input.tenant,
        input.id,
        input.published?.version ?? 0,
        input.published?.urgent ? 1 : 0,
        at,
        input.staffUser,
      ),
    db
      .prepare(
        `UPDATE announcement_runs SET state = 'cancelled', cancelled_at = ?3, cancelled_by = ?4, updated_at = ?3
          WHERE tenant_slug = ?1 AND announcement_id = ?2 AND state = 'sending'`,
      )
      .bind(input.tenant, input.id, at, input.staffUser),
    db
      .prepare('SELECT state FROM announcement_runs WHERE tenant_slug = ?1 AND announcement_id = ?2')
      .bind(input.tenant, input.id),
  ])
  if (inserted?.meta.changes || updated?.meta.changes) return 'cancelled'
  return final?.results[0]?.state === 'sent' ? 'sent' : 'already'
}
