import type { D1Database } from '@cloudflare/workers-types'
import { addDays, type CivilDate } from '../../shared/calendar'
import type { HouseholdRecord } from '../../shared/contract'
import { stageLabel } from '../../shared/staff/stage'

interface TimelineRow {
  dueDate: string | null
  birthDate: string | null
  lossDate: string | null
  endedOn: string | null
}

/**
 * One household of the town (a timeline and whoever follows it): members without their
 * addresses, the last 8 weeks of sends (dates and states, never the text), how many
 * consultations. Null when the town has no such household.
 */
export async function householdOf(
  db: D1Database,
  tenant: string,
  household: string,
  today: CivilDate,
): Promise<HouseholdRecord | null> {
  const members = `SELECT m.subscriber_id FROM timeline_members m JOIN subscribers s ON s.id = m.subscriber_id
                    WHERE m.timeline_id = ?2 AND s.tenant_slug = ?1`
  const [timeline, people, sends, consulted] = await db.batch([
    db
      .prepare(
        `SELECT due_date AS dueDate, birth_date AS birthDate, loss_date AS lossDate, ended_on AS endedOn
           FROM timelines WHERE id = ?2 AND tenant_slug = ?1`,
      )
      .bind(tenant, household),
    db
      .prepare(
        `SELECT s.nickname, s.audience, s.language, s.channel, s.state FROM subscribers s
           WHERE s.id IN (${members}) ORDER BY s.created_at, s.id`,
      )
      .bind(tenant, household),
    db
      .prepare(
        `SELECT local_date AS localDate, kind, channel, state, opened_at AS openedAt FROM deliveries
           WHERE subscriber_id IN (${members}) AND tenant_slug = ?1 AND local_date >= ?3
           ORDER BY local_date DESC, created_at DESC LIMIT 200`,
      )
      .bind(tenant, household, addDays(today, -56)),
    db
      .prepare(
        `SELECT COUNT(*) AS n FROM consultations WHERE subscriber_id IN (${members}) AND tenant_slug = ?1`,
      )
      .bind(tenant, household),
  ])
  const row = timeline?.results[0] as TimelineRow | undefined
  if (!row) return null
  return {
    household,
    stage: stageLabel(row, today),
    timeline: row,
    members: (people?.results ?? []) as HouseholdRecord['members'],
    deliveries: (sends?.results ?? []) as HouseholdRecord['deliveries'],
    consultations: (consulted?.results[0] as { n: number } | undefined)?.n ?? 0,
  }
}
