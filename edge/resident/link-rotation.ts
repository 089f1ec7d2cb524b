import { z } from 'zod'
import type { Env } from '../env'
import { allShards } from '../shards/databases'
import { ensureStandingTokens } from './link-tokens'

/** Where a walk over every subscriber of every shard stopped: the last subscriber stored. */
export const linkRotationCursor = z.object({
  shard: z.number().int().min(1).max(9999),
  subscriber: z.string().min(1).max(200),
})
export type LinkRotationCursor = z.infer<typeof linkRotationCursor>

export const linkRotationBody = z.object({ after: linkRotationCursor.optional() })

export interface LinkRotationPage {
  /** Subscribers whose stop and manage links this page stored (or found stored) under the secret. */
  stored: number
  /** Where the next page starts; null when every shard has been walked. */
  next: LinkRotationCursor | null
  /** Subscribers not walked yet, in every shard. */
  remaining: number
}

const pageSize = 200

/**
 * One page of the end of a LINK_SECRET rotation: for up to 200 subscribers (in one shard, by id,
 * after `after`), the hashes of their stop link and current manage link under `secret` are stored
 * where they are not yet. Once every shard is walked, every resident's standing links open under
 * the new secret without the old one; links sent before open by their own stored hashes.
 */
export async function storeStandingLinksPage(
  env: Env,
  secret: string,
  after: LinkRotationCursor | undefined,
  now: Date,
): Promise<LinkRotationPage> {
  const shards = allShards(env).filter(({ shard }) => !after || shard >= after.shard)
  for (const [i, { shard, db }] of shards.entries()) {
    const from = after && shard === after.shard ? after.subscriber : ''
    const { results } = await db
      .prepare('SELECT id FROM subscribers WHERE id > ?1 ORDER BY id LIMIT ?2')
      .bind(from, pageSize)
      .all<{ id: string }>()
    if (results.length === 0) continue
    const ids = results.map((r) => r.id)
    await (await ensureStandingTokens(db, secret, ids, ['manage', 'stop'], now)).run()
    const next = { shard, subscriber: ids.at(-1)! }
    return { stored: ids.length, next, remaining: await remainingAfter(next, shards.slice(i)) }
  }
  return { stored: 0, next: null, remaining: 0 }
}

async function remainingAfter(
  next: LinkRotationCursor,
  shards: ReturnType<typeof allShards>,
): Promise<number> {
  let remaining = 0
  for (const { shard, db } of shards) {
    const row = await db
      .prepare('SELECT count(*) AS n FROM subscribers WHERE id > ?1')
      .bind(shard === next.shard ? next.subscriber : '')
      .first<{ n: number }>()
    remaining += row?.n ?? 0
  }
  return remaining
}
