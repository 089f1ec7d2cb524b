import type { D1Database } from '@cloudflare/workers-types'
import { z } from 'zod'
import { type MessageVersion, messageVersion, nationalPartOf, sha256Hex } from '../../shared/contract'

/*
 * A national part carries every approved message (9,000-odd as shipped) and travels whole when one
 * of them changes; checking each against the schema was most of a republish's time. A verified
 * national part keeps the SHA-256 of each message's JSON, and the next one checks in full only the
 * messages whose digest the live part does not have. A message is taken as it is only when its JSON
 * is exactly one already checked, and the part itself (its other fields, one message per slot ×
 * audience × language) is checked whole as before. The part's hash still covers every byte. Every
 * message taken so is one residents are served now, in the live part: a new or altered one is
 * always checked in full.
 */

const digestLength = 64

// One D1 value holds at most 2 MB: beyond this many messages a part keeps no digests, and the next
// one is checked in full.
const maxDigests = Math.floor(1_900_000 / digestLength)

/** SHA-256 (hex) of each message's JSON as parsed, in order. */
export function messageDigests(messages: readonly unknown[]): Promise<string[]> {
  return Promise.all(messages.map((message) => sha256Hex(JSON.stringify(message))))
}

/** The digests as stored with the part (null: too many to keep). */
export function storedDigests(digests: readonly string[]): string | null {
  return digests.length > maxDigests ? null : digests.join('')
}

/** Digests of the messages of the live snapshot's national part, each checked when it was verified. */
async function liveDigests(db: D1Database): Promise<Set<string>> {
  const stored = await db
    .prepare(
      `SELECT p.message_digests AS digests FROM active_manifest a
       JOIN manifest_parts mp ON mp.manifest_id = a.manifest_id
       JOIN snapshot_parts p ON p.hash = mp.part_hash
       WHERE a.slot = 1 AND p.kind = 'national' AND p.verified_at IS NOT NULL`,
    )
    .first<string | null>('digests')
  const known = new Set<string>()
  for (let at = 0; stored && at + digestLength <= stored.length; at += digestLength)
    known.add(stored.slice(at, at + digestLength))
  return known
}

/**
 * The national part schema for this parsed part, and its messages' digests: messages the live part
 * has (same digest) pass as they are, every other one goes through the message schema.
 */
export async function nationalPartCheck(
  db: D1Database,
  json: unknown,
): Promise<{ schema: z.ZodType; digests: string[] }> {
  const messages =
    typeof json === 'object' && json !== null && Array.isArray((json as { messages?: unknown }).messages)
      ? ((json as { messages: unknown[] }).messages as unknown[])
      : []
  const [digests, known] = await Promise.all([messageDigests(messages), liveDigests(db)])
  const checked = new Set(messages.filter((_, i) => known.has(digests[i]!)))
  if (checked.size === 0) return { schema: nationalPartOf(messageVersion), digests }
  const checkedBefore = z.custom<MessageVersion>((value) => checked.has(value))
  return { schema: nationalPartOf(z.union([checkedBefore, messageVersion])), digests }
}
