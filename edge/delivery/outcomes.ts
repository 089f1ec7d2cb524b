import type { D1Database } from '@cloudflare/workers-types'
import { type Outcome, recordOutcomes } from './record'
import type { DeliveryRequest } from './requests'

export interface Recorded {
  /** The outcomes written onto deliveries this consumer still held. */
  landed: Outcome[]
  /** Deliveries not over yet (a transient failure, or taken over meanwhile): retry the batch. */
  pending: number
  /** Their subscribers, whose next_send_on stays. */
  held: string[]
  /** Subscribers whose day ended with this send. */
  ended: string[]
  counts: { sent: number; failed: number; flagged: number }
  failed: { subscriberId: string; error: string }[]
  succeeded: string[]
}

/** Each send's outcome recorded on its delivery, and what that means for its subscriber's day. */
export async function recordSends(
  deps: { db: D1Database; now(): Date },
  requests: readonly DeliveryRequest[],
  outcomes: readonly Outcome[],
): Promise<Recorded> {
  return tallySends(requests, outcomes, await recordOutcomes(deps.db, outcomes, deps.now()))
}

/** What the outcomes that landed (written on the deliveries) mean for their subscribers' day. */
export function tallySends(
  requests: readonly DeliveryRequest[],
  outcomes: readonly Outcome[],
  landed: readonly Outcome[],
): Recorded {
  const byKey = new Map(requests.map((r) => [r.key, r]))
  const subscriberOf = (key: string) => byKey.get(key)!.subscriberId
  const recorded: Recorded = {
    landed: [...landed],
    pending: 0,
    held: [],
    ended: [],
    counts: { sent: 0, failed: 0, flagged: 0 },
    failed: [],
    succeeded: [],
  }
  for (const outcome of landed) {
    const subscriberId = subscriberOf(outcome.key)
    if (outcome.state === 'failed-transient' || outcome.state === 'unknown') {
      recorded.pending++
      recorded.held.push(subscriberId)
      continue
    }
    recorded.ended.push(subscriberId)
    if (outcome.state === 'sent') {
      recorded.counts.sent++
      recorded.succeeded.push(subscriberId)
    } else if (outcome.state === 'flagged') recorded.counts.flagged++
    else {
      recorded.counts.failed++
      recorded.failed.push({ subscriberId, error: outcome.error ?? 'refused by the provider' })
    }
  }
  // An outcome that did not land: another consumer took the delivery over meanwhile.
  recorded.pending += outcomes.length - landed.length
  const landedKeys = new Set(landed.map((o) => o.key))
  for (const o of outcomes) if (!landedKeys.has(o.key)) recorded.held.push(subscriberOf(o.key))
  return recorded
}

/** Two tallies of one batch as one. */
export function joinRecorded(a: Recorded, b: Recorded): Recorded {
  return {
    landed: [...a.landed, ...b.landed],
    pending: a.pending + b.pending,
    held: [...a.held, ...b.held],
    ended: [...a.ended, ...b.ended],
    counts: {
      sent: a.counts.sent + b.counts.sent,
      failed: a.counts.failed + b.counts.failed,
      flagged: a.counts.flagged + b.counts.flagged,
    },
    failed: [...a.failed, ...b.failed],
    succeeded: [...a.succeeded, ...b.succeeded],
  }
}
