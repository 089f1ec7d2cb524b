import type { D1Database } from '@cloudflare/workers-types'
import { z } from 'zod'
import type { ActionResult } from './actions'

/** What the notices form posts: receive the town's non-urgent notices, or not. */
const choice = z.enum(['on', 'off'])

/** Whether the resident receives the town's non-urgent notices (urgent ones reach everyone). */
export async function townNoticesOf(db: D1Database, subscriberId: string): Promise<boolean> {
  const on = await db
    .prepare('SELECT town_notices FROM subscribers WHERE id = ?1')
    .bind(subscriberId)
    .first<number>('town_notices')
  return on !== 0
}

/** The resident's choice as posted, from the next announcement on; posting it twice changes nothing more. */
export async function chooseTownNotices(
  db: D1Database,
  subscriberId: string,
  posted: string,
  now: Date,
): Promise<ActionResult> {
  const parsed = choice.safeParse(posted)
  if (!parsed.success)
    return {
      ok: false,
      problem: { ja: '受け取るか、受け取らないかを選んでください', en: 'Choose whether to receive them' },
    }
  await db
    .prepare('UPDATE subscribers SET town_notices = ?2, updated_at = ?3 WHERE id = ?1')
    .bind(subscriberId, parsed.data === 'on' ? 1 : 0, now.toISOString())
    .run()
  return { ok: true }
}
