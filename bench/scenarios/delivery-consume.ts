// The queue consumer for a day's run, in workerd with wrangler's local D1 (wrangler dev running
// bench/workers/consume.ts, which imports the Worker's own tick and consumer): N due residents,
// each with a timeline and due the fixture's pregnancy/196 message, enqueued by the real tick, then
// the queue messages consumed by deliverBatch — plan, compose, claim, record, settle — into a null
// adapter that sends nothing. Baseline, same Worker and rows: the least D1 work a delivery needs
// (read the batch's residents and timelines, insert one row per delivery, update each resident
// once), one batch() per queue message, each slice of queue messages run by the baseline, then
// by the consumer, so both are timed in the same moments. D1 rows read and written are summed from each
// statement's meta. Consuming stops after a time budget; beyond it the figure is extrapolated —
// unless --whole-day, which seeds all --subscribers and consumes every one of them.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startLocalWorker } from '../../dev/local-worker'
import type { Scenario } from '../scenario'
import type { Meter } from '../workers/shared'

/** Seconds of consuming, and of baseline, before the rest is extrapolated (whole run < 3 min). */
const budgetSeconds = { consume: 75, baseline: 20 }
/** Residents seeded at most without --whole-day: seeding 1M (3M rows) takes minutes by itself. */
const seededAtMost = 100_000
/** Residents seeded per request. */
const seedSlice = 100_000
/** Queue messages per request to the bench Worker. */
const slice = 10

interface Answer {
  residents: number
  meter: Meter
}

async function call<T = Answer>(url: string): Promise<T> {
  const response = await fetch(url, { method: 'POST' })
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`)
  return (await response.json()) as T
}

type Ticked = { batches: number; due: number; tickMs: number; meter: Meter }

/** The real tick, 50 pages (100,000 residents) per request, until the day's run is enqueued. */
async function tickUntilFinished(base: string): Promise<Ticked> {
  const total: Ticked = {
    batches: 0,
    due: 0,
    tickMs: 0,
    meter: { rowsRead: 0, rowsWritten: 0, statements: 0 },
  }
  for (;;) {
    const part = await call<Ticked & { finished: boolean }>(`${base}/tick?pages=50&from=${total.batches}`)
    total.batches += part.batches
    total.due += part.due
    total.tickMs += part.tickMs
    total.meter.rowsRead += part.meter.rowsRead
    total.meter.rowsWritten += part.meter.rowsWritten
    total.meter.statements += part.meter.statements
    if (part.finished) return total
  }
}

type Driven = Answer & { seconds: number }

const driven = (): Driven => ({
  residents: 0,
  meter: { rowsRead: 0, rowsWritten: 0, statements: 0, bySql: {}, writtenBySql: {} },
  seconds: 0,
})

/** One slice of one kind of work, timed and added to `total`. */
async function driveSlice(
  base: string,
  path: 'consume' | 'baseline',
  from: number,
  to: number,
  total: Driven,
) {
  const start = performance.now()
  const answer = await call(`${base}/${path}?from=${from}&to=${to}`)
  total.seconds += (performance.now() - start) / 1000
  total.residents += answer.residents
  total.meter.rowsRead += answer.meter.rowsRead
  total.meter.rowsWritten += answer.meter.rowsWritten
  total.meter.statements += answer.meter.statements
  for (const [sql, rows] of Object.entries(answer.meter.bySql ?? {}))
    total.meter.bySql![sql] = (total.meter.bySql![sql] ?? 0) + rows
  for (const [sql, rows] of Object.entries(answer.meter.writtenBySql ?? {}))
    total.meter.writtenBySql![sql] = (total.meter.writtenBySql![sql] ?? 0) + rows
}

/**
 * The baseline and the consumer over the batches slice by slice, each slice first by one, then by
 * the other, until done or out of time: both are timed in the same moments of a noisy machine
 * (run one after the other, a quiet minute for one and a busy one for the other moved the ratio
 * from 0.22 to 0.30 between runs of the same code).
 */
async function driveBoth(base: string, batches: number, budget: { consume: number; baseline: number }) {
  const baseline = driven()
  const consumer = driven()
  for (let done = 0; done < batches && consumer.seconds < budget.consume; done += slice) {
    const to = Math.min(batches, done + slice)
    if (baseline.seconds < budget.baseline) await driveSlice(base, 'baseline', done, to, baseline)
    await driveSlice(base, 'consume', done, to, consumer)
  }
  return { baseline, consumer }
}

/** Rows read and written per delivery by each statement that read or wrote any, most first. */
function rowsPerStatement(meter: Meter, n: number): Record<string, { read: number; written: number }> {
  const round = (rows: number) => Math.round((rows / n) * 100) / 100
  const sqls = new Set([...Object.keys(meter.bySql ?? {}), ...Object.keys(meter.writtenBySql ?? {})])
  return Object.fromEntries(
    [...sqls]
      .map(
        (sql) =>
          [
            sql,
            { read: round(meter.bySql?.[sql] ?? 0), written: round(meter.writtenBySql?.[sql] ?? 0) },
          ] as const,
      )
      .filter(([, rows]) => rows.read > 0 || rows.written > 0)
      .sort((a, b) => b[1].read + b[1].written - (a[1].read + a[1].written)),
  )
}

const perDelivery = (meter: Meter, n: number) =>
  `${(meter.rowsRead / n).toFixed(1)} rows read, ${(meter.rowsWritten / n).toFixed(1)} rows written, ` +
  `${(meter.statements / n).toFixed(2)} statements per delivery`

const scenario: Scenario = {
  name: 'delivery-consume',
  async run({ subscribers, quick, wholeDay }) {
    const count = wholeDay ? subscribers : Math.min(subscribers, quick ? 5_000 : seededAtMost)
    const budget = (path: keyof typeof budgetSeconds) =>
      wholeDay ? Number.POSITIVE_INFINITY : budgetSeconds[path]
    const dir = mkdtempSync(join(tmpdir(), 'yorisoi-bench-consume-'))
    const worker = await startLocalWorker({ persistTo: dir, script: 'bench/workers/consume.ts' })
    try {
      const start = performance.now()
      for (let from = 0; from < count; from += seedSlice)
        await call(`${worker.url}/seed?from=${from}&count=${Math.min(seedSlice, count - from)}`)
      const seedSeconds = (performance.now() - start) / 1000
      const seeded = await tickUntilFinished(worker.url)
      if (seeded.due !== count) throw new Error(`the tick enqueued ${seeded.due} of ${count}`)
      const tickRate = seeded.due / (seeded.tickMs / 1000)
      const { baseline: base, consumer } = await driveBoth(worker.url, seeded.batches, {
        consume: budget('consume'),
        baseline: budget('baseline'),
      })
      const { sent } = await call<{ sent: number }>(`${worker.url}/sent`)
      if (sent !== consumer.residents)
        throw new Error(`${sent} deliveries sent, ${consumer.residents} consumed`)
      const rate = consumer.residents / consumer.seconds
      const baseRate = base.residents / base.seconds
      const all = consumer.residents === count && count >= 1_000_000
      const heaviest = Object.entries(consumer.meter.bySql ?? {})
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([sql, rows]) => `${(rows / consumer.residents).toFixed(1)} by "${sql}…"`)
        .join(', ')
      const wall = seedSeconds + seeded.tickMs / 1000 + consumer.seconds
      return {
        value: rate,
        unit: 'deliveries/s',
        baseline: baseRate,
        ratio: rate / baseRate,
        rowsReadPerDelivery: consumer.meter.rowsRead / consumer.residents,
        rowsWrittenPerDelivery: consumer.meter.rowsWritten / consumer.residents,
        baselineRowsReadPerDelivery: base.meter.rowsRead / base.residents,
        baselineRowsWrittenPerDelivery: base.meter.rowsWritten / base.residents,
        rowsPerStatement: rowsPerStatement(consumer.meter, consumer.residents),
        notes:
          `${consumer.residents.toLocaleString('en')} of ${count.toLocaleString('en')} due residents consumed in ` +
          `${consumer.seconds.toFixed(1)} s (${seeded.batches.toLocaleString('en')} queue messages of ≤100; seeded in ` +
          `${seedSeconds.toFixed(1)} s; select + enqueue by the real tick ${seeded.due.toLocaleString('en')} due in ` +
          `${(seeded.tickMs / 1000).toFixed(1)} s = ${Math.round(tickRate).toLocaleString('en')}/s, ` +
          `${(seeded.meter.rowsRead / seeded.due).toFixed(2)} rows read per due resident), in workerd (wrangler dev, local D1), one consumer, ` +
          `sequential messages, null adapter: ${perDelivery(consumer.meter, consumer.residents)} (most read: ${heaviest}). Baseline (read + insert ` +
          `+ update per message; ${base.residents.toLocaleString('en')} residents in ${base.seconds.toFixed(1)} s): ` +
          `${perDelivery(base.meter, base.residents)}. ` +
          (all
            ? `Measured, the whole day: select + enqueue + consume of ${count.toLocaleString('en')} took ` +
              `${((seeded.tickMs / 1000 + consumer.seconds) / 60).toFixed(1)} min in one consumer ` +
              `(${(wall / 60).toFixed(1)} min with seeding). `
            : `Extrapolated, not measured: 1,000,000 deliveries would take ` +
              `${(1_000_000 / rate / 60).toFixed(1)} min in one consumer at this rate` +
              `${count < 1_000_000 ? ` (rows seeded: ${count.toLocaleString('en')}, not 1,000,000; --whole-day measures them all)` : ''}. `) +
          `Higher is better; ratio = consumer rate / baseline rate.`,
      }
    } finally {
      await worker.stop()
      rmSync(dir, { recursive: true, force: true })
    }
  },
}

export default scenario
