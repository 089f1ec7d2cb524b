import { env } from 'cloudflare:workers'
import type { D1Database } from '@cloudflare/workers-types'
import type { ChannelAdapter, OutgoingMessage, SendResult } from '../../../edge/channels/adapter'
import { outboxAdapter } from '../../../edge/channels/outbox'
import { type DeliverDeps, deliverBatch } from '../../../edge/delivery/deliver'
import type { DeliveryBatch } from '../../../edge/queues'
import { residentShard } from '../../../edge/shards/map'
import type { LoadedSnapshot } from '../../../edge/snapshot/read'

/** Wraps an adapter and counts each key it was handed: what a provider would see. */
export function countingAdapter(
  inner: ChannelAdapter,
  options: { idempotent?: boolean; answer?: (m: OutgoingMessage) => SendResult | null } = {},
): ChannelAdapter & { seen: Map<string, number> } {
  const seen = new Map<string, number>()
  return {
    name: `counting-${inner.name}`,
    maxBatchSize: inner.maxBatchSize,
    idempotent: options.idempotent ?? inner.idempotent,
    seen,
    async send(messages) {
      for (const m of messages) seen.set(m.idempotencyKey, (seen.get(m.idempotencyKey) ?? 0) + 1)
      const forced = messages.map((m) => options.answer?.(m) ?? null)
      const passOn = messages.filter((_, i) => forced[i] === null)
      const passed = await inner.send(passOn)
      let k = 0
      return forced.map((f) => f ?? passed[k++]!)
    },
  }
}

/** The consumer's dependencies; `where` the shard of the batches' tenant (shard 1, main, when not given). */
export function deps(
  snapshot: LoadedSnapshot,
  adapter: ChannelAdapter,
  now = '2026-11-23T00:10:00Z',
  where: { db: D1Database; shard: number } = { db: env.DB, shard: 1 },
): DeliverDeps {
  return {
    ...where,
    snapshot,
    adapterFor: async () => adapter,
    origin: 'https://yorisoi.example.jp',
    linkSecret: 'test-link-secret',
    now: () => new Date(now),
  }
}

export async function deliverAll(d: DeliverDeps, batches: readonly DeliveryBatch[]) {
  const reports = []
  for (const batch of batches) reports.push(await deliverBatch(d, batch))
  return reports
}

export const outbox = () => outboxAdapter(env.DB)

/** A provider that takes every message and keeps it, so a test reads what residents received. */
export function keepingAdapter(): ChannelAdapter & { messages: OutgoingMessage[] } {
  const messages: OutgoingMessage[] = []
  return {
    name: 'keeping',
    maxBatchSize: 100,
    idempotent: true,
    messages,
    async send(batch) {
      messages.push(...batch)
      return batch.map((m) => ({
        idempotencyKey: m.idempotencyKey,
        outcome: 'sent',
        providerMessageId: m.idempotencyKey,
      }))
    },
  }
}

/** Each batch delivered in the shard of its tenant, as the queue's consumer resolves it. */
export async function deliverInShards(
  snapshot: LoadedSnapshot,
  adapter: ChannelAdapter,
  batches: readonly DeliveryBatch[],
  now = '2026-11-23T00:10:00Z',
) {
  for (const batch of batches)
    await deliverBatch(deps(snapshot, adapter, now, await residentShard(env, batch.tenant)), batch)
}
