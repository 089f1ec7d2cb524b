// consumers-parallel --whole-day: a whole day over two shards, every resident, no time budget. Half
// the residents in each of two towns placed on DB and SHARD_2, the real tick until the day is
// enqueued, then every queue message consumed by 2 consumers at once (as Queues with
// max_concurrency), checked at the end: each shard holds exactly one sent delivery per resident,
// and the null adapter was handed exactly one message per resident.
import os from 'node:os'
import type { ScenarioResult } from '../scenario'
import type { ShardMeter } from '../workers/consume-shards'
import { call, consumeAtOnce, interleave, maxBatchSize, seedTown, tickUntilFinished } from './consumers'

const consumers = 2

export interface WholeDay {
  residents: number
  residentsPerShard: number[]
  consumers: number
  seedSeconds: number
  /** The real tick selecting and enqueueing the day, both shards (driver's wall time). */
  tickSeconds: number
  tickPerSecond: number
  consumeSeconds: number
  /** Deliveries/s in each shard over the consume's wall time, shard 1 first. */
  perShard: number[]
  /** Each shard's D1 busy time (its statements' meta.duration summed) / the consume's wall time. */
  d1BusyShare: number[]
  rowsReadPerDelivery: number
  rowsWrittenPerDelivery: number
  /** Seeding + tick + consume. */
  wallSeconds: number
  /** Tick + consume: the day as production would run it. */
  wholeDayMinutes: number
}

type Tally = { residents: number; rows: number; recipients: number; sent: number }

const secondsSince = (start: number) => (performance.now() - start) / 1000
const fmt = (n: number) => Math.round(n).toLocaleString('en')
const log = (line: string) => process.stderr.write(`  ${new Date().toISOString().slice(11, 19)} ${line}\n`)

export async function wholeDayOverTwoShards(
  base: string,
  residents: number,
): Promise<ScenarioResult & { wholeDay: WholeDay }> {
  const load = os.loadavg()[0]!
  const perTown = [Math.ceil(residents / 2), Math.floor(residents / 2)] as const
  await call(`${base}/place`)
  let start = performance.now()
  for (const shard of [1, 2] as const) {
    const town = perTown[shard - 1]!
    for (let from = 0; from < town; from += 100_000) {
      await seedTown(base, shard, from, Math.min(100_000, town - from))
      log(`seeded shard ${shard}: ${fmt(Math.min(town, from + 100_000))}`)
    }
  }
  const seedSeconds = secondsSince(start)

  start = performance.now()
  const pools = await tickUntilFinished(base)
  const tickSeconds = secondsSince(start)
  const queue = interleave(pools[1], pools[2])
  const due = queue.reduce((n, b) => n + b.subscriberIds.length, 0)
  if (due !== residents) throw new Error(`the tick enqueued ${due} of ${residents}`)
  log(`ticked: ${fmt(due)} due in ${queue.length} queue messages, ${tickSeconds.toFixed(1)} s`)

  let told = 0
  const { meters, seconds } = await consumeAtOnce(base, queue, consumers, (done, s) => {
    if (done - told < 50_000) return
    told = done
    log(`consumed ${fmt(done)} of ${fmt(residents)}: ${fmt(done / s)}/s, ${s.toFixed(0)} s`)
  })

  const tallies = await call<Record<number, Tally>>(`${base}/delivered`)
  const used = [1, 2].map((shard) => meters[shard] ?? ({ residents: 0 } as ShardMeter))
  for (const [i, town] of perTown.entries()) {
    const tally = tallies[i + 1]!
    const meter = used[i]!
    const exactlyOnce =
      tally.residents === town &&
      tally.rows === town &&
      tally.recipients === town &&
      tally.sent === town &&
      meter.residents === town &&
      meter.sent === town
    if (!exactlyOnce)
      throw new Error(
        `shard ${i + 1}: ${town} residents seeded, ${JSON.stringify(tally)} in D1, ${meter.residents} consumed, ${meter.sent} handed to the adapter`,
      )
  }

  const sum = (key: keyof ShardMeter) => used.reduce((n, m) => n + m[key], 0)
  const day: WholeDay = {
    residents,
    residentsPerShard: [...perTown],
    consumers,
    seedSeconds: Number(seedSeconds.toFixed(1)),
    tickSeconds: Number(tickSeconds.toFixed(1)),
    tickPerSecond: Math.round(residents / tickSeconds),
    consumeSeconds: Number(seconds.toFixed(1)),
    perShard: used.map((m) => Math.round(m.residents / seconds)),
    d1BusyShare: used.map((m) => Number((m.busyMs / 1000 / seconds).toFixed(3))),
    rowsReadPerDelivery: Number((sum('rowsRead') / residents).toFixed(2)),
    rowsWrittenPerDelivery: Number((sum('rowsWritten') / residents).toFixed(2)),
    wallSeconds: Number((seedSeconds + tickSeconds + seconds).toFixed(1)),
    wholeDayMinutes: Number(((tickSeconds + seconds) / 60).toFixed(1)),
  }
  return {
    value: Math.round(residents / seconds),
    unit: 'deliveries/s (whole day, 2 shards)',
    rowsReadPerDelivery: day.rowsReadPerDelivery,
    rowsWrittenPerDelivery: day.rowsWrittenPerDelivery,
    wholeDay: day,
    figures: {
      wholeDayResidents: residents,
      wholeDayMinutes: day.wholeDayMinutes,
      wholeDaySeedSeconds: day.seedSeconds,
      wholeDayTickSeconds: day.tickSeconds,
      wholeDayConsumeSeconds: day.consumeSeconds,
    },
    notes:
      `The whole day over two shards, measured: ${fmt(residents)} residents (${perTown.map(fmt).join(' + ')} in two towns on ` +
      `DB and SHARD_2), seeded in ${day.seedSeconds} s; the real tick enqueued all ${fmt(due)} in ${day.tickSeconds} s ` +
      `(${fmt(day.tickPerSecond)}/s); ${consumers} consumers at once (${maxBatchSize} queue messages of ≤100 an invocation) ` +
      `delivered every one in ${day.consumeSeconds} s — ${day.perShard.map(fmt).join(' + ')} deliveries/s per shard, D1 busy ` +
      `${day.d1BusyShare.map((s) => `${Math.round(s * 100)}%`).join(' / ')}, ${day.rowsReadPerDelivery} rows read and ` +
      `${day.rowsWrittenPerDelivery} written per delivery. Tick + consume ${day.wholeDayMinutes} min ` +
      `(${(day.wallSeconds / 60).toFixed(1)} min with seeding). Checked: each shard has exactly one sent delivery per resident ` +
      `and the null adapter was handed exactly one message per resident. In workerd (wrangler dev, local D1, one process), ` +
      `load average ${load.toFixed(1)} at the start and ${os.loadavg()[0]!.toFixed(1)} at the end on ${os.cpus().length} cores.`,
  }
}
