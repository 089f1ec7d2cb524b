import type { D1Database, D1PreparedStatement } from '@cloudflare/workers-types'
import { nextSendOn } from '../../shared/program'
import type { BatchDay } from './batch-day'
import type { DueSubscriber } from './due-subscribers'
import { settleDay } from './record'

/**
 * The batch's day settled: each subscriber whose day ended moves to their next send, except one
 * with a delivery still pending, who keeps next_send_on so the retried batch finds them as now.
 */
export async function settleBatch(
  deps: { db: D1Database; now(): Date },
  day: BatchDay,
  input: {
    tenant: string
    dueSubscribers: readonly DueSubscriber[]
    /** In the order their day ended. */
    ended: readonly string[]
    held: readonly string[]
    failed: readonly { subscriberId: string; error: string }[]
    succeeded: readonly string[]
    /** The mark of the manage and stop tokens stored for each subscriber (storeLinkTokens). */
    standingLinks?: ReadonlyMap<string, string>
    counts: { sent: number; failed: number; flagged: number }
    /** Statements that commit with the settling or not at all, run first. */
    first?: readonly D1PreparedStatement[]
  },
): Promise<void> {
  const byId = new Map(input.dueSubscribers.map((r) => [r.id, r]))
  const advances = new Map<string, string | null>()
  for (const id of input.ended) advances.set(id, nextSendOn(byId.get(id)!.timelines, day.date, day.program))
  for (const id of input.held) advances.delete(id)
  await settleDay(deps.db, {
    tenant: input.tenant,
    localDate: day.date,
    advances: [...advances].map(([subscriberId, next]) => ({
      subscriberId,
      nextSendOn: next,
      standingLinks: input.standingLinks?.get(subscriberId) ?? null,
    })),
    failed: input.failed,
    // A subscriber read with no failed day on record has none to forget.
    succeeded: input.succeeded.filter((id) => byId.get(id)?.history?.failing !== false),
    counts: input.counts,
    now: deps.now(),
    ...(input.first ? { first: input.first } : {}),
  })
}
