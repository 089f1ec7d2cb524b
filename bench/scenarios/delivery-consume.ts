// The queue consumer for a day's run, in workerd with wrangler's local D1 (wrangler dev running
// bench/workers/consume.ts, which imports the Worker's own tick and consumer): N due residents,
// each with a timeline and due the fixture's pregnancy/196 message, enqueued by the real tick, then
// the queue messages consumed by deliverBatch — plan, compose, claim, record, settle — into a null
// adapter that sends nothing. Baseline, same Worker and rows: the least D1 work a delivery needs
// (read the batch's residents and timelines, insert one row per delivery, update each resident
// once), one batch() per queue message. D1 rows read and written are summed from each
// statement's meta. Consuming stops after a time budget; beyond it the figure is extrapolated.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startLocalWorker } from '../../dev/local-worker'
import type { Scenario } from '../scenario'
import type { Meter } from '../workers/consume'

/** Seconds of consuming, and of baseline, before the rest is extrapolated (whole run < 3 min). */
const budgetSeconds = { consume: 75, baseline: 20 }
/** Residents seeded at most: seeding 1M (3M rows) would take much of the 3 minutes by itself. */
const seededAtMost = 100_000
/** Queue messages per request to the bench Worker. */
const slice = 10

interface Answer {
  residents: number
  meter: Meter
  sent?: number
}

async function call(url: string): Promise<Answer> {
  const response = await fetch(url, { method: 'POST' })
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`)
  return (await response.json()) as Answer
}

/** Drives one kind of work over the batches in slices until done or out of time. */
async function drive(base: string, path: 'consume' | 'baseline', batches: number) {
  const total: Answer = { residents: 0, meter: { rowsRead: 0, rowsWritten: 0, statements: 0, bySql: {} } }
  const start = performance.now()
  let done = 0
  while (done < batches && (performance.now() - start) / 1000 < budgetSeconds[path]) {
    const answer = await call(`${base}/${path}?from=${done}&to=${Math.min(batches, done + slice)}`)
    total.residents += answer.residents
    total.meter.rowsRead += answer.meter.rowsRead
    total.meter.rowsWritten += answer.meter.rowsWritten
    total.meter.statements += answer.meter.statements
    for (const [sql, rows] of Object.entries(answer.meter.bySql ?? {}))
      total.meter.bySql![sql] = (total.meter.bySql![sql] ?? 0) + rows
    if (answer.sent !== undefined) total.sent = answer.sent
    done += slice
  }
  return { ...total, seconds: (performance.now() - start) / 1000 }
}

const perDelivery = (meter: Meter, n: number) =>
  `${(meter.rowsRead / n).toFixed(1)} rows read, ${(meter.rowsWritten / n).toFixed(1)} rows written, ` +
  `${(meter.statements / n).toFixed(2)} statements per delivery`

const scenario: Scenario = {
  name: 'delivery-consume',
  async run({ subscribers, quick }) {
    const count = Math.min(subscribers, quick ? 5_000 : seededAtMost)
    const dir = mkdtempSync(join(tmpdir(), 'yorisoi-bench-consume-'))
    const worker = await startLocalWorker({ persistTo: dir, script: 'bench/workers/consume.ts' })
    try {
      let start = performance.now()
      const seeded = (await (
        await fetch(`${worker.url}/seed?count=${count}`, { method: 'POST' })
      ).json()) as {
        batches: number
        due: number
      }
      const seedSeconds = (performance.now() - start) / 1000
      if (seeded.due !== count) throw new Error(`the tick enqueued ${seeded.due} of ${count}`)
      start = performance.now()
      const base = await drive(worker.url, 'baseline', seeded.batches)
      const consumer = await drive(worker.url, 'consume', seeded.batches)
      if (consumer.sent !== consumer.residents)
        throw new Error(`${consumer.sent} deliveries sent, ${consumer.residents} consumed`)
      const rate = consumer.residents / consumer.seconds
      const baseRate = base.residents / base.seconds
      const all = consumer.residents === count && count >= 1_000_000
      const heaviest = Object.entries(consumer.meter.bySql ?? {})
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([sql, rows]) => `${(rows / consumer.residents).toFixed(1)} by "${sql}…"`)
        .join(', ')
      return {
        value: rate,
        unit: 'deliveries/s',
        baseline: baseRate,
        ratio: rate / baseRate,
        notes:
          `${consumer.residents.toLocaleString('en')} of ${count.toLocaleString('en')} due residents consumed in ` +
          `${consumer.seconds.toFixed(1)} s (${seeded.batches.toLocaleString('en')} queue messages of ≤100, seeded and ` +
          `enqueued by the real tick in ${seedSeconds.toFixed(1)} s), in workerd (wrangler dev, local D1), one consumer, ` +
          `sequential messages, null adapter: ${perDelivery(consumer.meter, consumer.residents)} (most read: ${heaviest}). Baseline (read + insert ` +
          `+ update per message; ${base.residents.toLocaleString('en')} residents in ${base.seconds.toFixed(1)} s): ` +
          `${perDelivery(base.meter, base.residents)}. ` +
          `${all ? 'Measured' : 'Extrapolated, not measured'}: 1,000,000 deliveries would take ` +
          `${(1_000_000 / rate / 60).toFixed(1)} min in one consumer at this rate` +
          `${count < 1_000_000 ? ` (rows seeded: ${count.toLocaleString('en')}, not 1,000,000)` : ''}. ` +
          `Higher is better; ratio = consumer rate / baseline rate.`,
      }
    } finally {
      await worker.stop()
      rmSync(dir, { recursive: true, force: true })
    }
  },
}

export default scenario
