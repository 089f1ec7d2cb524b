import type { D1Database } from '@cloudflare/workers-types'

export type ReferenceOutcome = 'set' | 'cleared' | 'no-household' | 'taken'

/**
 * Attaches, changes or clears (null) the town's own reference of one of its households. A reference
 * is unique in the town: one already on another household is refused, nothing changed.
 */
export async function setReference(
  db: D1Database,
  input: { tenant: string; household: string; reference: string | null; staffUser: string; now: Date },
): Promise<ReferenceOutcome> {
  const found = await db
    .prepare('SELECT 1 AS ok FROM timelines WHERE id = ?1 AND tenant_slug = ?2')
    .bind(input.household, input.tenant)
    .first()
  if (!found) return 'no-household'
  if (input.reference === null) {
    await db
      .prepare('DELETE FROM household_references WHERE household_id = ?1 AND tenant_slug = ?2')
      .bind(input.household, input.tenant)
      .run()
    return 'cleared'
  }
  const holder = await db
    .prepare(
      'SELECT household_id AS household FROM household_references WHERE tenant_slug = ?1 AND reference = ?2',
    )
    .bind(input.tenant, input.reference)
    .first<{ household: string }>()
  if (holder && holder.household !== input.household) return 'taken'
  try {
    await db
      .prepare(
        `INSERT INTO household_references (household_id, tenant_slug, reference, set_by, set_at)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (household_id) DO UPDATE SET reference = excluded.reference, set_by = excluded.set_by,
           set_at = excluded.set_at
         WHERE household_references.tenant_slug = excluded.tenant_slug`,
      )
      .bind(input.household, input.tenant, input.reference, input.staffUser, input.now.toISOString())
      .run()
  } catch (error) {
    // Another request took the same reference in between: the unique index says so.
    if (String(error).includes('UNIQUE')) return 'taken'
    throw error
  }
  return 'set'
}
