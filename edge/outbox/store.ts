import type { D1Database } from '@cloudflare/workers-types'
import { desc, eq } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/d1'
import { outbox } from '../db/schema'

export type OutboxMessage = typeof outbox.$inferSelect

/** The newest messages first. */
export function listOutbox(db: D1Database, limit = 100): Promise<OutboxMessage[]> {
  return drizzle(db).select().from(outbox).orderBy(desc(outbox.createdAt), desc(outbox.id)).limit(limit)
}

export async function findOutboxMessage(db: D1Database, id: string): Promise<OutboxMessage | undefined> {
  const rows = await drizzle(db).select().from(outbox).where(eq(outbox.id, id)).limit(1)
  return rows[0]
}
