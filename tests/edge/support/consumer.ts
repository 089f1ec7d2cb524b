import { env } from 'cloudflare:workers'
import type { ChannelAdapter, OutgoingMessage, SendResult } from '../../../edge/channels/adapter'
import { outboxAdapter } from '../../../edge/channels/outbox'
import { type DeliverDeps, deliverBatch } from '../../../edge/delivery/deliver'
import type { DeliveryBatch } from '../../../edge/queues'
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

export function deps(
  snapshot: LoadedSnapshot,
  adapter: ChannelAdapter,
  now = '2026-11-23T00:10:00Z',
): DeliverDeps {
  return {
    db: env.DB,
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
