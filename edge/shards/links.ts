import type { D1Database } from '@cloudflare/workers-types'
import { tokenHash } from '../../shared/links'
import type { Env } from '../env'
import { isBound, shardDatabase } from './databases'

// Every resident token (random or derived) is 16 bytes as base64url: 22 characters; a message
// page's has its ordering prefix before (shared/links): 27.
const TOKEN_LENGTH = 22

/**
 * A resident link's path segment (/s /m /r /c /q /i /v): the shard's number, then the token, so the
 * link finds its shard without a search. "2AbC…" is shard 2.
 */
export const linkSegment = (shard: number, token: string): string => `${shard}${token}`

/**
 * The shard and token a segment names. A bare 22-character token is a link sent before shards:
 * it resolves in shard 1 forever. Anything else malformed is null (a dead link).
 */
export function readLinkSegment(segment: string): { shard: number; token: string } | null {
  if (segment.length === TOKEN_LENGTH) return { shard: 1, token: segment }
  // The two lengths keep the shard's digits apart: 1–4 digits before 22 characters or before 27.
  const match = /^([1-9][0-9]{0,3})([A-Za-z0-9_-]{22}|[A-Za-z0-9_-]{27})$/.exec(segment)
  return match ? { shard: Number(match[1]), token: match[2] as string } : null
}

export interface OpenedLink {
  shard: number
  db: D1Database
  /** The bare token, as stored hashed. */
  token: string
}

/**
 * The shard database a link's token lives in. After a move the old shard keeps a forward for each
 * of the moved tenant's tokens (link_forwards: token hash → shard), so a link sent before the move
 * keeps working: one more indexed read, never a search.
 */
export async function openLink(env: Env, segment: string): Promise<OpenedLink | null> {
  const named = readLinkSegment(segment)
  if (!named || !isBound(env, named.shard)) return null
  let shard = named.shard
  let db = shardDatabase(env, shard)
  const hash = await tokenHash(named.token)
  for (let hop = 0; hop < 4; hop++) {
    const forward = await db
      .prepare('SELECT shard FROM link_forwards WHERE token_hash = ?1')
      .bind(hash)
      .first<number>('shard')
    if (forward === null || forward === shard || !isBound(env, forward)) break
    shard = forward
    db = shardDatabase(env, shard)
  }
  return { shard, db, token: named.token }
}
