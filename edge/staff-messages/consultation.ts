import type { D1Database, D1PreparedStatement } from '@cloudflare/workers-types'

/** The resident a consultation came from, and the household (their newest timeline) a reply is filed under. */
export async function consultationOf(
  db: D1Database,
  tenant: string,
  consultation: string,
): Promise<{ subscriberId: string; household: string | null } | null> {
  return db
    .prepare(
      `SELECT c.subscriber_id AS subscriberId,
              (SELECT t.id FROM timeline_members m JOIN timelines t ON t.id = m.timeline_id
                WHERE m.subscriber_id = c.subscriber_id ORDER BY t.created_at DESC, t.id LIMIT 1) AS household
         FROM consultations c WHERE c.id = ?2 AND c.tenant_slug = ?1`,
    )
    .bind(tenant, consultation)
    .first<{ subscriberId: string; household: string | null }>()
}

/** A reply takes a new consultation in hand; one in progress or closed keeps its status. */
export const inProgress = (db: D1Database, tenant: string, consultation: string): D1PreparedStatement =>
  db
    .prepare(
      `UPDATE consultations SET status = 'in-progress' WHERE id = ?2 AND tenant_slug = ?1 AND status = 'new'`,
    )
    .bind(tenant, consultation)
