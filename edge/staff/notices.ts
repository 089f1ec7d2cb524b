import type { D1Database } from '@cloudflare/workers-types'
import { addDays, type CivilDate } from '../../shared/calendar'
import { lossNoticeDays, type StaffNoticesPage } from '../../shared/contract'

/**
 * The town's notices: losses reported in the last 30 days whose household no staff member has
 * opened since (a `read-household` row in the access log on or after the report's day, in Japan's
 * calendar as loss_reported_on is, marks it seen — the log is the record of who looked, so nothing
 * else needs keeping). Oldest first: the family that has waited longest comes first.
 */
export async function noticesOf(db: D1Database, tenant: string, today: CivilDate): Promise<StaffNoticesPage> {
  const rows = await db
    .prepare(
      `SELECT t.id AS household, t.loss_reported_on AS reportedOn, n.nurse_user AS nurseUser
         FROM timelines t
         LEFT JOIN household_nurses n ON n.household_id = t.id AND n.tenant_slug = t.tenant_slug
        WHERE t.tenant_slug = ?1 AND t.loss_reported_on IS NOT NULL AND t.loss_reported_on >= ?2
          AND NOT EXISTS (SELECT 1 FROM staff_access_log l
                           WHERE l.household_id = t.id AND l.tenant_slug = t.tenant_slug
                             AND l.action = 'read-household' AND l.count > 0
                             AND date(l.at, '+9 hours') >= t.loss_reported_on)
        ORDER BY t.loss_reported_on, t.id LIMIT 200`,
    )
    .bind(tenant, addDays(today, -lossNoticeDays))
    .all<{ household: string; reportedOn: string; nurseUser: string | null }>()
  return { notices: rows.results.map((row) => ({ kind: 'loss' as const, ...row })) }
}
