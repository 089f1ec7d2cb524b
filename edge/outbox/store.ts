import type { D1Database } from '@cloudflare/workers-types'
import { and, desc, eq, lt, or } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/d1'
import { outbox } from '../db/schema'

/** A stored message and the shard it is kept in (with its tenant's residents). */
export type OutboxMessage = typeof outbox.$inferSelect & { shard: number }

/** Where an older page starts: after the last message shown (created_at, then id). */
export interface OutboxCursor {
  createdAt: string
  id: string
}

type Shard = { shard: number; db: D1Database }

/** Newest first: created_at, then id, both descending, as the SQL orders them. */
const newestFirst = (a: OutboxMessage, b: OutboxMessage) =>
  a.createdAt === b.createdAt ? compare(b.id, a.id) : compare(b.createdAt, a.createdAt)
const compare = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0)

async function newestIn({ shard, db }: Shard, before: OutboxCursor | undefined, limit: number) {
  const rows = await drizzle(db)
    .select()
    .from(outbox)
    .where(
      before
        ? or(
            lt(outbox.createdAt, before.createdAt),
            and(eq(outbox.createdAt, before.createdAt), lt(outbox.id, before.id)),
          )
        : undefined,
    )
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(limit)
  return rows.map((row) => ({ ...row, shard }))
}

/**
 * One page of the messages of every shard, newest first, and the cursor of the next (older) page
 * when there is one. Each shard gives its newest `limit + 1` after the cursor; merged, the first
 * `limit` are the page (no shard can have more of them than that).
 */
export async function listOutbox(
  shards: readonly Shard[],
  options: { before?: OutboxCursor; limit?: number } = {},
): Promise<{ messages: OutboxMessage[]; older: OutboxCursor | null }> {
  const limit = options.limit ?? 100
  const pages = await Promise.all(shards.map((shard) => newestIn(shard, options.before, limit + 1)))
  const rows = pages.flat().sort(newestFirst)
  const messages = rows.slice(0, limit)
  const last = messages.at(-1)
  return { messages, older: rows.length > limit && last ? { createdAt: last.createdAt, id: last.id } : null }
}

/** `before=` of an older page's link: the cursor as "created_at id". */
export function cursorParam(cursor: OutboxCursor): string {
  return `${cursor.createdAt} ${cursor.id}`
}

export function parseCursor(text: string | undefined): OutboxCursor | undefined {
  if (!text) return undefined
  const space = text.indexOf(' ')
  if (space <= 0) return undefined
  return { createdAt: text.slice(0, space), id: text.slice(space + 1) }
}

/** The message with that id, in whichever shard keeps it. */
export async function findOutboxMessage(
  shards: readonly Shard[],
  id: string,
): Promise<OutboxMessage | undefined> {
  for (const { shard, db } of shards) {
    const [row] = await drizzle(db).select().from(outbox).where(eq(outbox.id, id)).limit(1)
    if (row) return { ...row, shard }
  }
  return undefined
}
