import type { D1Database } from '@cloudflare/workers-types'
import type { AssignBody, NurseLoad } from '../../shared/contract'

export type AssignOutcome = { ok: true; assigned: string[]; changed: number } | { ok: false; missing: number }

/**
 * One nurse for these households of the town, all or none: a household the town does not have
 * refuses the whole request. A change of nurse clears `told_at`, so the family's next message tells
 * them of her; the same nurse again changes nothing they are told.
 */
export async function assignNurse(
  db: D1Database,
  input: { tenant: string; body: AssignBody; staffUser: string; now: Date },
): Promise<AssignOutcome> {
  const households = [...new Set(input.body.households)]
  const found = await db
    .prepare(
      `SELECT t.id AS household, n.nurse_user AS nurse FROM timelines t
         LEFT JOIN household_nurses n ON n.household_id = t.id
        WHERE t.id IN (SELECT value FROM json_each(?1)) AND t.tenant_slug = ?2`,
    )
    .bind(JSON.stringify(households), input.tenant)
    .all<{ household: string; nurse: string | null }>()
  if (found.results.length !== households.length)
    return { ok: false, missing: households.length - found.results.length }
  const { nurse } = input.body
  await db
    .prepare(
      `INSERT INTO household_nurses (household_id, tenant_slug, nurse_user, nurse_name, nurse_contact, nurse_email,
                                     assigned_by, assigned_at, told_at)
       SELECT value, ?2, ?3, ?4, ?5, ?6, ?7, ?8, NULL FROM json_each(?1) WHERE true
       ON CONFLICT (household_id) DO UPDATE SET
         told_at = CASE WHEN household_nurses.nurse_user = excluded.nurse_user THEN household_nurses.told_at END,
         nurse_user = excluded.nurse_user, nurse_name = excluded.nurse_name,
         nurse_contact = excluded.nurse_contact, nurse_email = excluded.nurse_email,
         assigned_by = excluded.assigned_by, assigned_at = excluded.assigned_at
       WHERE household_nurses.tenant_slug = excluded.tenant_slug`,
    )
    .bind(
      JSON.stringify(households),
      input.tenant,
      nurse.user,
      nurse.name,
      nurse.contact ?? null,
      nurse.email ?? null,
      input.staffUser,
      input.now.toISOString(),
    )
    .run()
  return {
    ok: true,
    assigned: households,
    changed: found.results.filter((r) => r.nurse !== nurse.user).length,
  }
}

/** Each nurse's number of families in the town, most first, and the town's households with none. */
export async function nurseLoadOf(db: D1Database, tenant: string): Promise<NurseLoad> {
  const [nurses, unassigned] = await db.batch([
    db
      .prepare(
        `SELECT nurse_user AS user, max(nurse_name) AS name, COUNT(*) AS families FROM household_nurses
          WHERE tenant_slug = ?1 GROUP BY nurse_user ORDER BY families DESC, nurse_user`,
      )
      .bind(tenant),
    db
      .prepare(
        `SELECT COUNT(*) AS n FROM timelines t WHERE t.tenant_slug = ?1 AND t.ended_on IS NULL AND t.loss_date IS NULL
           AND NOT EXISTS (SELECT 1 FROM household_nurses n WHERE n.household_id = t.id)`,
      )
      .bind(tenant),
  ])
  return {
    nurses: (nurses?.results ?? []) as NurseLoad['nurses'],
    unassigned: (unassigned?.results[0] as { n: number } | undefined)?.n ?? 0,
  }
}
