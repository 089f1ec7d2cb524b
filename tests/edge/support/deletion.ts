import { env } from 'cloudflare:workers'
import { expect } from 'vitest'
import { afterRuns } from '../../../edge/housekeeping'
import { allShards } from '../../../edge/shards/databases'
import { loadActiveSnapshot } from '../../../edge/snapshot/read'
import { origin, post } from './resident-http'

/** The cron's housekeeping at `now`, its deletions chores only. */
export async function deletionsAt(now: Date): Promise<void> {
  const snapshot = await loadActiveSnapshot(env.DB)
  const chores = (await afterRuns(env, snapshot!, now)).filter((c) => c.name.startsWith('deletions'))
  for (const chore of chores) await chore.run()
}

/** The newest deletion link any shard's outbox holds. */
async function newestDeletionLink(): Promise<string | null> {
  let newest: { at: string; link: string } | null = null
  for (const { db } of allShards(env)) {
    const row = await db
      .prepare(
        "SELECT text, created_at AS at FROM outbox WHERE text LIKE '%/d/%' ORDER BY created_at DESC, rowid DESC LIMIT 1",
      )
      .first<{ text: string; at: string }>()
    const link = row?.text.match(new RegExp(`${origin}(/d/[0-9][A-Za-z0-9_-]{22})`))?.[1]
    if (row && link && (!newest || row.at > newest.at)) newest = { at: row.at, link }
  }
  return newest?.link ?? null
}

/**
 * "Delete my data" carried through, as the resident would: asked on the manage page, then
 * confirmed from the link sent to their address — or, where that could not be delivered, done by
 * the cron 7 days on.
 */
export async function deleteMyData(manage: string): Promise<'confirmed' | 'after 7 days'> {
  const asked = await post(`${manage}/delete`, {})
  expect(asked.status).toBe(200)
  if ((await asked.text()).includes('削除を予定しました')) {
    await deletionsAt(new Date(Date.now() + 8 * 86_400_000))
    return 'after 7 days'
  }
  const link = await newestDeletionLink()
  expect(link).not.toBeNull()
  const done = await post(link!, {})
  expect(done.status).toBe(200)
  expect(await done.text()).toContain('削除しました')
  return 'confirmed'
}
