import type { D1Database } from '@cloudflare/workers-types'
import { categoryLabel } from '../../shared/consultation'
import type {
  ConsultationsPage,
  ConsultationsQuery,
  ConsultationUpdate,
  InboxConsultation,
} from '../../shared/contract'

interface Row {
  id: string
  category: string
  urgent: number
  language: string | null
  source: InboxConsultation['source']
  status: InboxConsultation['status']
  assignee: string | null
  household: string | null
  nurseUser: string | null
  nurseName: string | null
  nickname: string
  text: string
  createdAt: string
  closedAt: string | null
  interviewDoneOn: string | null
}

// The resident's household is their first timeline; its nurse is the one the town assigned to it.
const select = `
  WITH inbox AS (
    SELECT c.*, s.nickname,
           (SELECT m.timeline_id FROM timeline_members m WHERE m.subscriber_id = c.subscriber_id
             ORDER BY m.timeline_id LIMIT 1) AS household
      FROM consultations c JOIN subscribers s ON s.id = c.subscriber_id
     WHERE c.tenant_slug = ?1 AND %WHERE%)
  SELECT i.id, i.category, i.urgent, i.language, i.source, i.status, i.assignee, i.household,
         n.nurse_user AS nurseUser, n.nurse_name AS nurseName, i.nickname, i.text,
         i.created_at AS createdAt, i.closed_at AS closedAt, i.interview_done_on AS interviewDoneOn
    FROM inbox i LEFT JOIN household_nurses n ON n.household_id = i.household AND n.tenant_slug = i.tenant_slug`

/** The short number a resident quotes on the phone (the desk's email shows the same). */
const referenceOf = (id: string) => id.replaceAll('-', '').slice(0, 8).toUpperCase()

function fromRow(row: Row, interpreterLine: string | null): InboxConsultation {
  const { nurseUser, nurseName, urgent, ...rest } = row
  const foreign = row.language !== null && row.language !== 'ja'
  return {
    ...rest,
    reference: referenceOf(row.id),
    categoryLabel: categoryLabel(row.category),
    urgent: urgent === 1,
    interpreterLine: foreign ? interpreterLine : null,
    nurse: nurseUser ? { user: nurseUser, name: nurseName ?? '' } : null,
  }
}

/**
 * One page of the town's inbox: open urgent consultations first, then the newest; filtered by
 * status, assignee (`none`: unassigned) and source.
 */
export async function consultationsOf(
  db: D1Database,
  query: ConsultationsQuery,
  interpreterLine: string | null,
): Promise<ConsultationsPage> {
  const where = `(?2 IS NULL OR c.status = ?2)
    AND (?3 IS NULL OR (?3 = 'none' AND c.assignee IS NULL) OR c.assignee = ?3)
    AND (?4 IS NULL OR c.source = ?4)`
  const rows = await db
    .prepare(
      `${select.replace('%WHERE%', where)}
        ORDER BY (i.urgent = 1 AND i.status != 'closed') DESC, i.created_at DESC, i.id DESC
        LIMIT ?5 OFFSET ?6`,
    )
    .bind(
      query.tenant,
      query.status ?? null,
      query.assignee ?? null,
      query.source ?? null,
      query.limit + 1,
      (query.page - 1) * query.limit,
    )
    .all<Row>()
  return {
    consultations: rows.results.slice(0, query.limit).map((row) => fromRow(row, interpreterLine)),
    page: query.page,
    next: rows.results.length > query.limit ? query.page + 1 : null,
  }
}

/** One consultation of the town, or null. */
export async function consultationOf(
  db: D1Database,
  tenant: string,
  id: string,
  interpreterLine: string | null,
): Promise<InboxConsultation | null> {
  const row = await db.prepare(select.replace('%WHERE%', 'c.id = ?2')).bind(tenant, id).first<Row>()
  return row ? fromRow(row, interpreterLine) : null
}

/** A new status (closing stamps the time; reopening clears it) or assignee; false when the town has no such consultation. */
export async function updateConsultation(
  db: D1Database,
  tenant: string,
  id: string,
  update: ConsultationUpdate,
  now: Date,
): Promise<boolean> {
  const result = await db
    .prepare(
      `UPDATE consultations
          SET status = COALESCE(?3, status),
              assignee = CASE WHEN ?4 = 1 THEN ?5 ELSE assignee END,
              closed_at = CASE WHEN COALESCE(?3, status) = 'closed' THEN COALESCE(closed_at, ?6) END
        WHERE id = ?1 AND tenant_slug = ?2`,
    )
    .bind(
      id,
      tenant,
      update.status ?? null,
      update.assignee === undefined ? 0 : 1,
      update.assignee ?? null,
      now.toISOString(),
    )
    .run()
  return result.meta.changes === 1
}

/** The interview of an interview request took place: kept with its day, and the request closed. */
export async function markInterviewDone(
  db: D1Database,
  tenant: string,
  id: string,
  doneOn: string,
  now: Date,
): Promise<boolean> {
  const result = await db
    .prepare(
      `UPDATE consultations
          SET interview_done_on = ?3, status = 'closed', closed_at = COALESCE(closed_at, ?4)
        WHERE id = ?1 AND tenant_slug = ?2 AND source = 'interview'`,
    )
    .bind(id, tenant, doneOn, now.toISOString())
    .run()
  return result.meta.changes === 1
}
