import type { D1Database } from '@cloudflare/workers-types'
import type { StaffAssertionClaims } from '../../shared/contract'
import { nameKey } from '../channels/key'
import type { Note } from './compose'
import type { Member } from './members'

export interface NewStaffMessage extends Note {
  tenant: string
  household: string
  author: StaffAssertionClaims['sub']
  requestId: string
  consultation?: string
  localDate: string
}

/**
 * The message's id: the same request (its id, from the same author, to the same household) is the
 * same message, so a retried or doubled request finds the one already written.
 */
export const staffMessageId = (m: Pick<NewStaffMessage, 'tenant' | 'household' | 'author' | 'requestId'>) =>
  nameKey(`staff-message|${m.tenant}|${m.household}|${m.author}|${m.requestId}`)

/** A staff delivery's id and idempotency key: one per member and message, whatever the day. */
export const staffDeliveryKey = (messageId: string, subscriberId: string) =>
  nameKey(`staff|${messageId}|${subscriberId}`)

/**
 * The message and one claimed `staff` delivery per recipient, in one batch: written once (a second
 * request with the same id changes nothing). Returns the message's id and its note as first
 * written, which every send of it carries.
 */
export async function storeStaffMessage(
  db: D1Database,
  message: NewStaffMessage,
  recipients: readonly Member[],
  now: Date,
): Promise<{ id: string; note: Note }> {
  const id = await staffMessageId(message)
  const at = now.toISOString()
  const deliveries = await Promise.all(
    recipients.map(async (r) => [await staffDeliveryKey(id, r.id), r.id, r.channel] as const),
  )
  const results = await db.batch([
    db
      .prepare(
        `INSERT INTO staff_messages (id, tenant_slug, household_id, author_user, author_role, author_name, text,
                                     consultation_id, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (id) DO NOTHING`,
      )
      .bind(
        id,
        message.tenant,
        message.household,
        message.author,
        message.authorRole,
        message.authorName,
        message.text,
        message.consultation ?? null,
        at,
      ),
    db
      .prepare(
        `INSERT INTO deliveries (id, subscriber_id, tenant_slug, local_date, kind, staff_message_id, channel, state,
                                 idempotency_key, created_at, updated_at)
         SELECT value ->> 0, value ->> 1, ?2, ?3, 'staff', ?4, value ->> 2, 'claimed', value ->> 0, ?5, ?5
         FROM json_each(?1) WHERE true
         ON CONFLICT DO NOTHING`,
      )
      .bind(JSON.stringify(deliveries), message.tenant, message.localDate, id, at),
    db
      .prepare(
        'SELECT author_name AS authorName, author_role AS authorRole, text FROM staff_messages WHERE id = ?1',
      )
      .bind(id),
  ])
  const note = results[2]?.results[0] as Note | undefined
  if (!note) throw new Error(`staff message ${id} was not stored`)
  return { id, note }
}
