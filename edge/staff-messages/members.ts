import type { D1Database } from '@cloudflare/workers-types'
import type { Channel } from '../../shared/contract'

/** A member of a household as a staff message reaches them: their own channel and address. */
export interface Member {
  id: string
  nickname: string
  channel: Channel
  address: string
  state: 'pending' | 'active' | 'paused' | 'stopped'
  /** The generation of their manage link, which the consultation link in the message is built from. */
  manageGeneration: number
}

/**
 * Whoever follows the household (timeline) in the town, oldest first; null when the town has no
 * such household. Every statement names the town.
 */
export async function membersOf(db: D1Database, tenant: string, household: string): Promise<Member[] | null> {
  const [timeline, people] = await db.batch([
    db.prepare('SELECT 1 AS found FROM timelines WHERE id = ?2 AND tenant_slug = ?1').bind(tenant, household),
    db
      .prepare(
        `SELECT s.id, s.nickname, s.channel, s.address, s.state, s.manage_generation AS manageGeneration
           FROM timeline_members m JOIN subscribers s ON s.id = m.subscriber_id
          WHERE m.timeline_id = ?2 AND s.tenant_slug = ?1 ORDER BY s.created_at, s.id`,
      )
      .bind(tenant, household),
  ])
  if (!timeline?.results[0]) return null
  return (people?.results ?? []) as Member[]
}

/** Whom a message to `to` goes to: only active members may be written to (the others chose not to receive). */
export function recipientsOf(
  members: readonly Member[],
  to: 'all' | readonly string[],
): { ok: true; recipients: Member[] } | { ok: false; why: 'not-a-member' | 'none-active' } {
  if (to !== 'all' && to.some((id) => !members.some((m) => m.id === id)))
    return { ok: false, why: 'not-a-member' }
  const chosen = to === 'all' ? members : members.filter((m) => to.includes(m.id))
  const recipients = chosen.filter((m) => m.state === 'active')
  return recipients.length > 0 ? { ok: true, recipients } : { ok: false, why: 'none-active' }
}
