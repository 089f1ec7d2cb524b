import type { D1Database, D1PreparedStatement } from '@cloudflare/workers-types'

export type ErasureReason = 'requested' | 'retention'

/**
 * The statements that delete these subscribers with everything that cascades from them (tokens,
 * consents, deliveries, memberships…) and the timelines nobody else follows, leaving one anonymous
 * count per tenant, local date and reason. Only rows still marked `inactive_since` go under
 * 'retention' (a resident who came back since is spared); 'requested' deletes them as they are.
 * Lookups go through the timeline_members key, never a scan of everyone.
 */
export function eraseStatements(
  db: D1Database,
  subscriberIds: readonly string[],
  reason: ErasureReason,
  localDates: Readonly<Record<string, string>>,
): D1PreparedStatement[] {
  const ids = JSON.stringify(subscriberIds)
  const dates = JSON.stringify(localDates)
  const doomed =
    reason === 'retention'
      ? 'SELECT id FROM subscribers WHERE id IN (SELECT value FROM json_each(?1)) AND inactive_since IS NOT NULL'
      : 'SELECT value FROM json_each(?1)'
  return [
    db
      .prepare(
        `INSERT INTO erasures (tenant_slug, local_date, reason, count)
         SELECT tenant_slug, coalesce(?2 ->> ('$."' || tenant_slug || '"'), date('now')),
                CASE WHEN state = 'pending' THEN 'unconfirmed' ELSE ?3 END, COUNT(*)
         FROM subscribers WHERE id IN (${doomed})
         GROUP BY 1, 2, 3
         ON CONFLICT (tenant_slug, local_date, reason) DO UPDATE SET count = count + excluded.count`,
      )
      .bind(ids, dates, reason),
    db
      .prepare(
        `DELETE FROM timelines
         WHERE id IN (SELECT timeline_id FROM timeline_members WHERE subscriber_id IN (${doomed}))
           AND NOT EXISTS (
             SELECT 1 FROM timeline_members o
             WHERE o.timeline_id = timelines.id AND o.subscriber_id NOT IN (${doomed}))`,
      )
      .bind(ids),
    db.prepare(`DELETE FROM subscribers WHERE id IN (${doomed})`).bind(ids),
  ]
}
