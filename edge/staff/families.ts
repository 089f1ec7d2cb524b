import type { D1Database } from '@cloudflare/workers-types'
import type { CivilDate } from '../../shared/calendar'
import type { FamiliesPage, HouseholdStage } from '../../shared/contract'
import { stageLabel } from '../../shared/staff/stage'

// The same precedence as householdStage: a loss, then an end, then a birth.
const stageWhere: Record<HouseholdStage, string> = {
  loss: 't.loss_date IS NOT NULL',
  ended: 't.loss_date IS NULL AND t.ended_on IS NOT NULL',
  child: 't.loss_date IS NULL AND t.ended_on IS NULL AND t.birth_date IS NOT NULL',
  pregnancy: 't.loss_date IS NULL AND t.ended_on IS NULL AND t.birth_date IS NULL',
}

interface Row {
  household: string
  dueDate: string | null
  birthDate: string | null
  lossDate: string | null
  endedOn: string | null
  createdAt: string
  members: string
}

/**
 * One page of a town's households (timelines) in id order, with their members' nickname, audience,
 * channel and state — never an address.
 */
export async function familiesOf(
  db: D1Database,
  query: { tenant: string; stage?: HouseholdStage; cursor?: string; limit: number },
  today: CivilDate,
): Promise<FamiliesPage> {
  const rows = await db
    .prepare(
      `SELECT t.id AS household, t.due_date AS dueDate, t.birth_date AS birthDate, t.loss_date AS lossDate,
              t.ended_on AS endedOn, t.created_at AS createdAt,
              json_group_array(json_object('nickname', s.nickname, 'audience', s.audience,
                                           'channel', s.channel, 'state', s.state)) AS members
         FROM timelines t
         JOIN timeline_members m ON m.timeline_id = t.id
         JOIN subscribers s ON s.id = m.subscriber_id AND s.tenant_slug = t.tenant_slug
        WHERE t.tenant_slug = ?1 AND (?2 IS NULL OR t.id > ?2) ${query.stage ? `AND (${stageWhere[query.stage]})` : ''}
        GROUP BY t.id ORDER BY t.id LIMIT ?3`,
    )
    .bind(query.tenant, query.cursor ?? null, query.limit + 1)
    .all<Row>()
  const page = rows.results.slice(0, query.limit)
  return {
    families: page.map((row) => ({
      household: row.household,
      stage: stageLabel(row, today),
      members: JSON.parse(row.members),
      registeredOn: row.createdAt.slice(0, 10),
    })),
    next: rows.results.length > query.limit ? (page.at(-1)?.household ?? null) : null,
  }
}
