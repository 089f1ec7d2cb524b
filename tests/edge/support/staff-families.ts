import { exports } from 'cloudflare:workers'
import type { D1Database } from '@cloudflare/workers-types'
import { addDays, localDate } from '../../../shared/calendar'
import { origin } from './resident-http'

/** Today in Tokyo plus `days`, as the staff API counts stages. */
export const tokyoDay = (days = 0) => addDays(localDate(new Date(), 'Asia/Tokyo'), days)

/** A POST of the staff API with the assertion as a bearer token and a JSON body. */
export function staffPost(path: string, token: string | null, body: unknown): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (token !== null) headers.authorization = `Bearer ${token}`
  return exports.default.fetch(`${origin}/staff${path}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  })
}

/** A consultation of the subscriber, as the form, a LINE text or the 8-month questionnaire leaves it. */
export function insertConsultation(
  db: D1Database,
  c: { id: string; subscriber: string; tenant: string; source?: string; urgent?: boolean; status?: string },
) {
  return db
    .prepare(
      `INSERT INTO consultations (id, subscriber_id, tenant_slug, category, text, contact_by, urgent, source, status, created_at)
       VALUES (?1, ?2, ?3, 'other', 'そうだんです', 'registered', ?4, ?5, ?6, ?7)`,
    )
    .bind(
      c.id,
      c.subscriber,
      c.tenant,
      c.urgent ? 1 : 0,
      c.source ?? 'form',
      c.status ?? 'new',
      new Date().toISOString(),
    )
    .run()
}

/** A send of the subscriber on `localDate` in `state`, opened at `openedAt` when given. */
export function insertSend(
  db: D1Database,
  d: { id: string; subscriber: string; tenant: string; localDate: string; state: string; openedAt?: string },
) {
  const now = new Date().toISOString()
  return db
    .prepare(
      `INSERT INTO deliveries (id, subscriber_id, tenant_slug, local_date, kind, channel, idempotency_key, state,
                               opened_at, created_at, updated_at)
       VALUES (?1, ?2, ?3, ?4, 'program', 'email', ?1, ?5, ?6, ?7, ?7)`,
    )
    .bind(d.id, d.subscriber, d.tenant, d.localDate, d.state, d.openedAt ?? null, now)
    .run()
}
