// Parallel consumers, as Queues runs them with max_concurrency: 1, 2 and 4 consumer invocations at
// once, each taking the next max_batch_size queue messages of one shared queue, against one shard
// (one town's residents, all in DB) and against two (two towns, one on DB and one on SHARD_2 of the
// tenant → shard map, their messages interleaved). The Worker (bench/workers/consume-shards.ts)
// runs the real tick and the real deliverBatch into a null adapter, each message in its town's
// shard as the Worker's consumer resolves it. Per shard: deliveries/s over the run's wall time, and
// D1's busy share — the sum of its statements' meta.duration over that wall time — so where one
// database stops gaining from more consumers is a measured number. --whole-day instead runs one
// whole day of all --subscribers over the two shards (bench/support/whole-day-shards.ts).
import { mkdtempSync, rmSync } from 'node:fs'
import os, { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startLocalWorker } from '../../dev/local-worker'
import type { Scenario } from '../scenario'
import {
  call,
  consumeAtOnce,
  interleave,
  maxBatchSize,
  seedTown,
  tickUntilFinished,
} from '../support/consumers'
import { wholeDayOverTwoShards } from '../support/whole-day-shards'

const consumerCounts = [1, 2, 4]
const shardCounts = [1, 2]

export interface ConsumersRun {
  shards: number
  consumers: number
  /** Deliveries/s in each shard used, shard 1 first, over the run's wall time. */
  perShard: number[]
  /** Each shard's D1 busy time (sum of its statements' meta.duration) / the run's wall time. */
  d1BusyShare: number[]
  /** Each shard's D1 busy milliseconds per delivery worked in it. */
  d1MsPerDelivery: number[]
  /** D1 statements (a batch's each counted) per queue message of 100: D1 allows 1,000 per invocation. */
  statementsPerMessage: number
  /** Deliveries/s over all shards. */
  total: number
  deliveries: number
  seconds: number
}

const fmt = (n: number) => Math.round(n).toLocaleString('en')

const scenario: Scenario = {
  name: 'consumers-parallel',
  async run({ quick, subscribers, wholeDay }) {
    // Residents per run (1 town, or 2 × half); 4 consumers need several invocations each.
    const perRun = quick ? 6_000 : 40_000
    const runs = shardCounts.flatMap((shards) => consumerCounts.map((consumers) => ({ shards, consumers })))
    const dir = mkdtempSync(join(tmpdir(), 'yorisoi-bench-consumers-'))
    const worker = await startLocalWorker({ persistTo: dir, script: 'bench/workers/consume-shards.ts' })
    try {
      if (wholeDay) return await wholeDayOverTwoShards(worker.url, subscribers)
      await call(`${worker.url}/place`)
      const need = { 1: 0, 2: 0 }
      for (const run of runs) {
        need[1] += perRun / run.shards
        need[2] += run.shards === 2 ? perRun / 2 : 0
      }
      for (const shard of [1, 2] as const) await seedTown(worker.url, shard, 0, need[shard])
      const pools = await tickUntilFinished(worker.url)
      const take = (shard: 1 | 2, residents: number) => pools[shard]!.splice(0, residents / 100)

      const load = os.loadavg()[0]!
      const results: ConsumersRun[] = []
      for (const { shards, consumers } of runs) {
        const queue = shards === 1 ? take(1, perRun) : interleave(take(1, perRun / 2), take(2, perRun / 2))
        const { meters, seconds } = await consumeAtOnce(worker.url, queue, consumers)
        const used = Array.from({ length: shards }, (_, i) => meters[i + 1]!)
        const deliveries = used.reduce((n, m) => n + m.residents, 0)
        const expected = queue.reduce((n, b) => n + b.subscriberIds.length, 0)
        if (deliveries !== expected) throw new Error(`${deliveries} of ${expected} consumed`)
        results.push({
          shards,
          consumers,
          perShard: used.map((m) => Math.round(m.residents / seconds)),
          d1BusyShare: used.map((m) => Number((m.busyMs / 1000 / seconds).toFixed(3))),
          d1MsPerDelivery: used.map((m) => Number((m.busyMs / m.residents).toFixed(3))),
          statementsPerMessage: Number(
            (used.reduce((n, m) => n + m.statements, 0) / queue.length).toFixed(1),
          ),
          total: Math.round(deliveries / seconds),
          deliveries,
          seconds: Number(seconds.toFixed(2)),
        })
      }
      const sent = await call<Record<number, number>>(`${worker.url}/sent`)
      const consumed = results.reduce((n, r) => n + r.deliveries, 0)
      if ((sent[1] ?? 0) + (sent[2] ?? 0) !== consumed)
        throw new Error(`${sent[1]} + ${sent[2]} deliveries sent, ${consumed} consumed`)

      const single = results.find((r) => r.shards === 1 && r.consumers === 1)!
      // One shard's ceiling if D1 were its only limit (busy 100%), from every one-shard run; and
      // how many consumers as fast as this run's single one would keep it busy.
      const oneShard = results.filter((r) => r.shards === 1)
      const msPerDelivery =
        oneShard.reduce((n, r) => n + r.d1BusyShare[0]! * r.seconds * 1000, 0) /
        oneShard.reduce((n, r) => n + r.deliveries, 0)
      const saturation = {
        d1MsPerDelivery: Number(msPerDelivery.toFixed(3)),
        d1CeilingPerShard: Math.round(1000 / msPerDelivery),
        consumersToSaturateOneShard: Number((1 / single.d1BusyShare[0]!).toFixed(1)),
      }
      const best = results.reduce((a, b) => (b.total > a.total ? b : a))
      const line = (r: ConsumersRun) =>
        `${r.shards} shard${r.shards > 1 ? 's' : ''} × ${r.consumers}: ${r.perShard.map(fmt).join(' + ')} /s ` +
        `(busy ${r.d1BusyShare.map((s) => `${Math.round(s * 100)}%`).join(' / ')})`
      return {
        value: best.total,
        unit: 'deliveries/s (best run)',
        baseline: single.total,
        ratio: best.total / single.total,
        consumers: results,
        saturation,
        notes:
          `${results.map(line).join('; ')}. One shard's D1: ${saturation.d1MsPerDelivery} ms busy per delivery, so it ` +
          `saturates at about ${fmt(saturation.d1CeilingPerShard)} deliveries/s, about ` +
          `${saturation.consumersToSaturateOneShard} consumers as fast as the single one here. Each run ${perRun.toLocaleString('en')} due residents (queue messages of 100, ` +
          `${maxBatchSize} messages per consumer invocation), real tick and consumer (plan, compose, claim, record, settle) ` +
          `into a null adapter, in workerd (wrangler dev, local D1), load average ${load.toFixed(1)} at the start and ` +
          `${os.loadavg()[0]!.toFixed(1)} at the end on ${os.cpus().length} cores (the machine is shared: runs are compared under that load). Busy share = the shard's statements' meta.duration summed (whole ms each; over thousands of ` +
          `statements the rounding evens out) / the run's wall time. What this measures: the Worker's own CPU and local SQLite, ` +
          `all in one workerd process on this machine — when more consumers stop adding deliveries/s while the busy share ` +
          `stays well below 1, the limit is this machine's CPU (one JS thread for the Worker), not the database. What it does ` +
          `not: production D1 runs each database as its own single-threaded SQLite with writes serialized per database ` +
          `and a network round trip per statement/batch; there consumers wait on the network, so more of them overlap, and a ` +
          `shard saturates when its busy share nears 1. Higher is better; ratio = best run / one consumer on one shard.`,
      }
    } finally {
      await worker.stop()
      rmSync(dir, { recursive: true, force: true })
    }
  },
}

export default scenario
