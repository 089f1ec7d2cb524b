import type { D1Database } from '@cloudflare/workers-types'
import type { Audience, Channel } from '../../shared/contract'

export interface TimelineRow {
  household: string
  dueDate: string | null
  birthDate: string | null
  birthReportedOn: string | null
  lossDate: string | null
  lossReportedOn: string | null
  endedOn: string | null
  createdAt: string
}

export interface MemberRow {
  id: string
  nickname: string
  audience: Audience
  language: string
  channel: Channel
  state: 'pending' | 'active' | 'paused' | 'stopped'
  createdAt: string
}

export interface SiblingRow extends TimelineRow {
  subscriberId: string
}

export interface DeliveryRow {
  subscriberId: string
  localDate: string
  kind: string
  channel: Channel
  state: string
  slots: string
  openedAt: string | null
  opens: number
  clicks: number
}

export interface ConsultationRow {
  id: string
  subscriberId: string
  createdAt: string
  category: string
  urgent: number
  language: string | null
  source: 'form' | 'line' | 'sms' | 'interview'
  status: 'new' | 'in-progress' | 'closed'
  assignee: string | null
  closedAt: string | null
  text: string
  contactBy: string
  contactPhone: string | null
  contactHours: string | null
}

export interface ResponseRow {
  subscriberId: string
  surveyId: string
  surveyVersion: number
  answeredOn: string
  interview: 'none' | 'pending' | 'sent' | 'failed'
  /** JSON array of {q, p, v}: question id, position, value. */
  answers: string
}

export interface NurseRow {
  user: string
  name: string
  contact: string | null
  assignedAt: string
}

export interface HouseholdRows {
  timeline: TimelineRow
  members: MemberRow[]
  siblings: SiblingRow[]
  deliveries: DeliveryRow[]
  consultations: ConsultationRow[]
  responses: ResponseRow[]
  reference: string | null
  nurse: NurseRow | null
}

const timelineColumns = `t.id AS household, t.due_date AS dueDate, t.birth_date AS birthDate,
  t.birth_reported_on AS birthReportedOn, t.loss_date AS lossDate, t.loss_reported_on AS lossReportedOn,
  t.ended_on AS endedOn, t.created_at AS createdAt`

// ?1 the town, ?2 the household: every statement names the town, so another town's household is
// not found under one's own.
const members = `SELECT m.subscriber_id FROM timeline_members m JOIN subscribers s ON s.id = m.subscriber_id
                  WHERE m.timeline_id = ?2 AND s.tenant_slug = ?1`

/** The timeline and its members only: what the interview guide needs. Null when the town has no such household. */
export async function readHouseholdCore(
  db: D1Database,
  tenant: string,
  household: string,
): Promise<{ timeline: TimelineRow; members: MemberRow[] } | null> {
  const [timeline, people] = await db.batch([
    timelineStatement(db, tenant, household),
    membersStatement(db, tenant, household),
  ])
  const row = timeline?.results[0] as TimelineRow | undefined
  return row ? { timeline: row, members: (people?.results ?? []) as MemberRow[] } : null
}

const timelineStatement = (db: D1Database, tenant: string, household: string) =>
  db
    .prepare(`SELECT ${timelineColumns} FROM timelines t WHERE t.id = ?2 AND t.tenant_slug = ?1`)
    .bind(tenant, household)

const membersStatement = (db: D1Database, tenant: string, household: string) =>
  db
    .prepare(
      `SELECT s.id, s.nickname, s.audience, s.language, s.channel, s.state, s.created_at AS createdAt
         FROM subscribers s WHERE s.id IN (${members}) ORDER BY s.created_at, s.id`,
    )
    .bind(tenant, household)

/**
 * Everything the family's page shows, read in one batch from the town's shard: the timeline, its
 * members and the other timelines they follow, the sends since `since` with their opens and
 * clicks, consultations, survey answers, the town's reference and the assigned nurse.
 */
export async function readHousehold(
  db: D1Database,
  tenant: string,
  household: string,
  since: string,
): Promise<HouseholdRows | null> {
  const [timeline, people, siblings, sends, consulted, responses, reference, nurse] = await db.batch([
    timelineStatement(db, tenant, household),
    membersStatement(db, tenant, household),
    db
      .prepare(
        `SELECT m.subscriber_id AS subscriberId, ${timelineColumns}
           FROM timeline_members m JOIN timelines t ON t.id = m.timeline_id
          WHERE m.subscriber_id IN (${members}) AND t.id != ?2 AND t.tenant_slug = ?1
          ORDER BY t.created_at, t.id`,
      )
      .bind(tenant, household),
    db
      .prepare(
        `SELECT d.subscriber_id AS subscriberId, d.local_date AS localDate, d.kind, d.channel, d.state, d.slots,
                d.opened_at AS openedAt, d.open_count AS opens,
                (SELECT coalesce(sum(k.count), 0) FROM delivery_clicks k WHERE k.delivery_id = d.id) AS clicks
           FROM deliveries d
          WHERE d.subscriber_id IN (${members}) AND d.tenant_slug = ?1 AND d.local_date >= ?3
          ORDER BY d.local_date DESC, d.created_at DESC LIMIT 200`,
      )
      .bind(tenant, household, since),
    db
      .prepare(
        `SELECT id, subscriber_id AS subscriberId, created_at AS createdAt, category, urgent, language, source, status,
                assignee, closed_at AS closedAt, text, contact_by AS contactBy, contact_phone AS contactPhone,
                contact_hours AS contactHours
           FROM consultations WHERE subscriber_id IN (${members}) AND tenant_slug = ?1
          ORDER BY created_at DESC LIMIT 100`,
      )
      .bind(tenant, household),
    db
      .prepare(
        `SELECT r.subscriber_id AS subscriberId, r.survey_id AS surveyId, r.survey_version AS surveyVersion,
                r.answered_on AS answeredOn, r.interview_state AS interview,
                (SELECT json_group_array(json_object('q', a.question_id, 'p', a.position, 'v', a.value))
                   FROM survey_answers a WHERE a.response_id = r.id) AS answers
           FROM survey_responses r WHERE r.subscriber_id IN (${members}) AND r.tenant_slug = ?1
          ORDER BY r.answered_on DESC, r.created_at DESC`,
      )
      .bind(tenant, household),
    db
      .prepare('SELECT reference FROM household_references WHERE household_id = ?2 AND tenant_slug = ?1')
      .bind(tenant, household),
    db
      .prepare(
        `SELECT nurse_user AS user, nurse_name AS name, nurse_contact AS contact, assigned_at AS assignedAt
           FROM household_nurses WHERE household_id = ?2 AND tenant_slug = ?1`,
      )
      .bind(tenant, household),
  ])
  const row = timeline?.results[0] as TimelineRow | undefined
  if (!row) return null
  return {
    timeline: row,
    members: (people?.results ?? []) as MemberRow[],
    siblings: (siblings?.results ?? []) as SiblingRow[],
    deliveries: (sends?.results ?? []) as DeliveryRow[],
    consultations: (consulted?.results ?? []) as ConsultationRow[],
    responses: (responses?.results ?? []) as ResponseRow[],
    reference: (reference?.results[0] as { reference: string } | undefined)?.reference ?? null,
    nurse: (nurse?.results[0] as NurseRow | undefined) ?? null,
  }
}
