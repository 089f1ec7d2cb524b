import type { D1Database } from '@cloudflare/workers-types'
import type { StaffDeliveryState, StaffMessageEntry } from '../../shared/contract'

interface Row {
  id: string
  at: string
  authorName: string
  authorRole: 'nurse' | 'desk'
  text: string
  consultation: string | null
  deliveries: string
}

/** A delivery's state in the words staff read it in (shared/contract staffDeliveryState). */
export function staffDeliveryState(state: string, openedAt: string | null): StaffDeliveryState {
  if (openedAt) return 'opened'
  if (state === 'sent' || state === 'flagged') return state
  // Nothing left (refused, or the provider failed and no one will try again unasked).
  if (state === 'failed-permanent' || state === 'failed-transient') return 'failed'
  return 'sending'
}

/**
 * The household's staff messages in the town, newest first (at most `limit`), each with its
 * deliveries; `only` one of them.
 */
export async function staffMessagesOf(
  db: D1Database,
  tenant: string,
  household: string,
  options: { limit?: number; only?: string } = {},
): Promise<StaffMessageEntry[]> {
  const { results } = await db
    .prepare(
      `SELECT m.id, m.created_at AS at, m.author_name AS authorName, m.author_role AS authorRole, m.text,
              m.consultation_id AS consultation,
              (SELECT json_group_array(json_object('member', d.subscriber_id, 'nickname', s.nickname,
                                                   'channel', d.channel, 'state', d.state, 'openedAt', d.opened_at))
                 FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id
                WHERE d.staff_message_id = m.id) AS deliveries
         FROM staff_messages m WHERE m.tenant_slug = ?1 AND m.household_id = ?2 AND (?4 IS NULL OR m.id = ?4)
        ORDER BY m.created_at DESC, m.id LIMIT ?3`,
    )
    .bind(tenant, household, options.limit ?? 50, options.only ?? null)
    .all<Row>()
  return results.map(({ deliveries, ...row }) => ({
    ...row,
    deliveries: (
      JSON.parse(deliveries) as {
        member: string
        nickname: string
        channel: StaffMessageEntry['deliveries'][number]['channel']
        state: string
        openedAt: string | null
      }[]
    ).map(({ state, openedAt, ...d }) => ({ ...d, state: staffDeliveryState(state, openedAt) })),
  }))
}
