import type { D1Database, D1PreparedStatement } from '@cloudflare/workers-types'
import type { Submission } from '../../shared/surveys'

/** The preferred times as the resident wrote them, and an email to answer at (cleared from the response once mailed). */
function requestText(interview: NonNullable<Submission['interview']>): string {
  const note = interview.note.trim() || '（希望の時間帯の記入はありません / No preferred times given）'
  return interview.contact.how === 'email' ? `${note}\nメール / Email: ${interview.contact.email}` : note
}

/**
 * The interview request in the town's inbox (a consultation from `interview`), written in the
 * response's own transaction and only with it; assigned to the nurse of the resident's household,
 * if the town assigned one. The desk's email (forwardInterview) stays as its notice.
 */
export function openInterviewRequest(
  db: D1Database,
  input: {
    responseId: string
    subscriberId: string
    tenantSlug: string
    interview: NonNullable<Submission['interview']>
    now: Date
  },
): D1PreparedStatement {
  const { contact } = input.interview
  return db
    .prepare(
      // The response's id is the request's: the desk's email and the inbox show the same 受付番号.
      `INSERT INTO consultations (id, subscriber_id, tenant_slug, category, text, contact_by, contact_phone, urgent,
                                  language, source, status, assignee, created_at)
       SELECT ?1, s.id, ?3, 'other', ?4, ?5, ?6, 0, s.language, 'interview', 'new',
              (SELECT n.nurse_user FROM timeline_members m JOIN household_nurses n ON n.household_id = m.timeline_id
                WHERE m.subscriber_id = s.id AND n.tenant_slug = ?3 ORDER BY m.timeline_id LIMIT 1),
              ?7
         FROM subscribers s
        WHERE s.id = ?2 AND EXISTS (SELECT 1 FROM survey_responses WHERE id = ?1)`,
    )
    .bind(
      input.responseId,
      input.subscriberId,
      input.tenantSlug,
      requestText(input.interview),
      contact.how === 'phone' ? 'phone' : contact.how === 'registered' ? 'registered' : 'none',
      contact.how === 'phone' ? contact.phone : null,
      input.now.toISOString(),
    )
}
