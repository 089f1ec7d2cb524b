import type { D1Database } from '@cloudflare/workers-types'

/** A nurse (保健師) of one of the resident's households, as she chose to be shown to families. */
export interface ShownNurse {
  /** The CMS user id: one nurse of several households is one nurse. */
  user: string
  /** Empty when she set no name to show: she is then not shown, though her notices still reach her. */
  name: string
  contact: string | null
  /** Where a consultation reaches her; null when she has none. */
  email: string | null
}

/**
 * The nurses of the resident's households in their own town, the latest assigned first, each once.
 * A household moved to another town has none until that town assigns one.
 */
export async function nursesOf(db: D1Database, subscriberId: string): Promise<ShownNurse[]> {
  const { results } = await db
    .prepare(
      `SELECT n.nurse_user AS user, n.nurse_name AS name, n.nurse_contact AS contact, n.nurse_email AS email
         FROM timeline_members m
         JOIN household_nurses n ON n.household_id = m.timeline_id
         JOIN subscribers s ON s.id = m.subscriber_id AND s.tenant_slug = n.tenant_slug
        WHERE m.subscriber_id = ?1
        ORDER BY n.assigned_at DESC, n.household_id`,
    )
    .bind(subscriberId)
    .all<ShownNurse>()
  return distinctNurses(results)
}

/** Each nurse once, in the order given (rows of several households, the latest assigned first). */
export function distinctNurses(rows: readonly ShownNurse[]): ShownNurse[] {
  const byUser = new Map<string, ShownNurse>()
  for (const row of rows) if (!byUser.has(row.user)) byUser.set(row.user, row)
  return [...byUser.values()]
}

/** Those a family may see: a nurse who showed no name stays out of their pages. */
export const shownToFamily = (nurses: readonly ShownNurse[]) =>
  nurses.filter((nurse) => nurse.name.trim() !== '')
