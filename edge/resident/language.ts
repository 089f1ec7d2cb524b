import type { D1Database } from '@cloudflare/workers-types'

/**
 * The language a subscriber (pending or active) reads, for what is sent to them outside the daily
 * program; undefined when there is no one to ask (a decoy, a row since removed).
 */
export async function subscriberLanguage(
  db: D1Database,
  subscriberId: string | null | undefined,
): Promise<string | undefined> {
  if (!subscriberId) return undefined
  const row = await db
    .prepare('SELECT language FROM subscribers WHERE id = ?1')
    .bind(subscriberId)
    .first<{ language: string }>()
  return row?.language ?? undefined
}
