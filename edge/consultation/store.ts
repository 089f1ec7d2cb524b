import type { D1Database } from '@cloudflare/workers-types'
import type { ConsultationRequest } from '../../shared/consultation'
import type { StoredConsultation } from './desk-mail'

/** Consultations one subscriber may send in 24 hours: plenty for a worried night, not a flood. */
export const CONSULTATIONS_PER_DAY = 10
const DAY_MS = 86_400_000

export type Recorded = { ok: true; id: string } | { ok: false; reason: 'rate-limited' }

/**
 * Stores the consultation and its pending forward in one transaction — or neither, when the
 * subscriber already sent CONSULTATIONS_PER_DAY in the last 24 hours (counted in the same
 * statement, so two at once cannot both slip past the limit).
 */
export async function recordConsultation(
  db: D1Database,
  input: {
    subscriberId: string
    tenantSlug: string
    request: ConsultationRequest
    urgent: boolean
    /** The subscriber's language when they wrote. */
    language: string
    source: 'form' | 'line' | 'sms'
    now: Date
    /** How many the subscriber may send in 24 hours (a chat is many short texts). */
    perDay?: number
  },
): Promise<Recorded> {
  const id = crypto.randomUUID()
  const at = input.now.toISOString()
  const since = new Date(input.now.getTime() - DAY_MS).toISOString()
  const { request } = input
  const phone = request.contact === 'phone' ? request.phone : null
  const hours = request.contact === 'phone' && request.hours ? request.hours : null
  const [inserted] = await db.batch([
    db
      .prepare(
        `INSERT INTO consultations (id, subscriber_id, tenant_slug, category, text, contact_by, contact_phone, contact_hours,
                                    urgent, created_at, language, source)
         SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?13, ?14
         WHERE (SELECT COUNT(*) FROM consultations WHERE subscriber_id = ?2 AND created_at > ?11 AND source != 'interview') < ?12`,
      )
      .bind(
        id,
        input.subscriberId,
        input.tenantSlug,
        request.category,
        request.text,
        request.contact,
        phone,
        hours,
        input.urgent ? 1 : 0,
        at,
        since,
        input.perDay ?? CONSULTATIONS_PER_DAY,
        input.language,
        input.source,
      ),
    db
      .prepare(
        `INSERT INTO consultation_forwards (consultation_id, tenant_slug, state, attempts, next_attempt_at, updated_at)
         SELECT ?1, ?2, 'pending', 0, ?3, ?3 WHERE EXISTS (SELECT 1 FROM consultations WHERE id = ?1)`,
      )
      .bind(id, input.tenantSlug, at),
  ])
  return inserted?.meta.changes === 1 ? { ok: true, id } : { ok: false, reason: 'rate-limited' }
}

const columns = `id, subscriber_id AS subscriberId, tenant_slug AS tenantSlug, category, text, contact_by AS contactBy,
  contact_phone AS contactPhone, contact_hours AS contactHours, urgent, source, created_at AS createdAt`

type Row = Omit<StoredConsultation, 'urgent'> & { urgent: number }
const fromRow = (row: Row): StoredConsultation => ({ ...row, urgent: row.urgent === 1 })

export async function loadConsultation(db: D1Database, id: string): Promise<StoredConsultation | null> {
  const row = await db.prepare(`SELECT ${columns} FROM consultations WHERE id = ?1`).bind(id).first<Row>()
  return row ? fromRow(row) : null
}

/** The subscriber's own consultation, or null (another's id, or none). */
export async function ownConsultation(
  db: D1Database,
  subscriberId: string,
  id: string,
): Promise<StoredConsultation | null> {
  const c = await loadConsultation(db, id)
  return c && c.subscriberId === subscriberId ? c : null
}
