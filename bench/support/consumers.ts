// The driver side of bench/workers/consume-shards.ts, shared by consumers-parallel's runs and its
// whole day: two towns on two shards, the real tick's queue messages, consumers run at once.
import type { DeliveryBatch } from '../../edge/queues'
import type { ShardMeter } from '../workers/consume-shards'

/** Queue messages per consumer invocation: wrangler.toml's max_batch_size for the delivery queue. */
export const maxBatchSize = 10
/** The two towns, by the shard the bench Worker places them on. */
export const towns = { 1: 'sakura-city', 2: 'sakura-city-2' } as const

export async function call<T>(url: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`)
  return (await response.json()) as T
}

/** A town's residents first..first+count-1 in its shard, 50,000 a request. */
export async function seedTown(base: string, shard: 1 | 2, first: number, count: number): Promise<void> {
  for (let from = first; from < first + count; from += 50_000)
    await call(
      `${base}/seed?tenant=${towns[shard]}&from=${from}&count=${Math.min(50_000, first + count - from)}`,
    )
}

/** The real tick, 50 pages a request, until the day is enqueued: its queue messages by shard. */
export async function tickUntilFinished(base: string): Promise<Record<1 | 2, DeliveryBatch[]>> {
  const pools: Record<1 | 2, DeliveryBatch[]> = { 1: [], 2: [] }
  for (;;) {
    const part = await call<{ batches: DeliveryBatch[]; finished: boolean }>(`${base}/tick?pages=50`)
    for (const b of part.batches) pools[b.tenant === towns[1] ? 1 : 2].push(b)
    if (part.finished) return pools
  }
}

/**
 * `consumers` loops, each taking the next max_batch_size messages until the queue is empty, with
 * the shards' meters summed; `onProgress` hears the deliveries so far after each invocation.
 */
export async function consumeAtOnce(
  base: string,
  queue: DeliveryBatch[],
  consumers: number,
  onProgress?: (deliveries: number, seconds: number) => void,
) {
  const meters: Record<number, ShardMeter> = {}
  let next = 0
  let deliveries = 0
  const start = performance.now()
  await Promise.all(
    Array.from({ length: consumers }, async () => {
      while (next < queue.length) {
        const messages = queue.slice(next, next + maxBatchSize)
        next += maxBatchSize
        const answer = await call<Record<number, ShardMeter>>(`${base}/consume`, messages)
        for (const [shard, m] of Object.entries(answer)) {
          const sum = meters[Number(shard)] ?? {
            rowsRead: 0,
            rowsWritten: 0,
            statements: 0,
            busyMs: 0,
            residents: 0,
            sent: 0,
          }
          meters[Number(shard)] = sum
          for (const key of Object.keys(m) as (keyof ShardMeter)[]) sum[key] += m[key]
          deliveries += m.residents
        }
        onProgress?.(deliveries, (performance.now() - start) / 1000)
      }
    }),
  )
  return { meters, seconds: (performance.now() - start) / 1000 }
}

/** Two towns' messages one after the other, as two shards' consumers would meet them in one queue. */
export function interleave(a: DeliveryBatch[], b: DeliveryBatch[]): DeliveryBatch[] {
  const out: DeliveryBatch[] = []
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i]) out.push(a[i]!)
    if (b[i]) out.push(b[i]!)
  }
  return out
}
