import type { D1Database } from '@cloudflare/workers-types'
import { and, desc, eq, lt, or } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/d1'
import { outbox } from '../db/schema'

export type OutboxMessage = typeof outbox.$inferSelect

/** Where an older page starts: after the last message shown (created_at, then id). */
export interface OutboxCursor {
  createdAt: string
  id: string
}

/** One page of messages, newest first, and the cursor of the next (older) page when there is one. */
export async function listOutbox(
  db: D1Database,
  options: { before?: OutboxCursor; limit?: number } = {},
): Promise<{ messages: OutboxMessage[]; older: OutboxCursor | null }> {
  const limit = options.limit ?? 100
  const { before } = options
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
    .limit(limit + 1)
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

export async function findOutboxMessage(db: D1Database, id: string): Promise<OutboxMessage | undefined> {
  const rows = await drizzle(db).select().from(outbox).where(eq(outbox.id, id)).limit(1)
  return rows[0]
}
