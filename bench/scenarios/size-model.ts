// How big a shard grows: bytes per resident and per delivery row as D1 stores them (indexes
// included, from meta.size_after before and after), and the model of a shard that holds the
// largest Japanese city after three years at full uptake with today's retention.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startLocalWorker } from '../../dev/local-worker'
import { defaultPruneOptions } from '../../edge/delivery/prune'
import { allSendSlots, standardProgram } from '../../shared/program'
import type { Scenario } from '../scenario'
import type { Meter } from '../workers/shared'

/** The largest city's births a year (the figure, about Yokohama's and Osaka's order). */
const birthsPerYear = 30_000
/** Full uptake: the pregnant resident and a partner in every family. */
const subscribersPerFamily = 2
/** A tenant's default days a resident is kept after they stop or their timeline ends. */
const residentRetentionDays = 90
const limitBytes = 5 * 1024 ** 3
/** Key combinations a city's delivery roll-up gains a day: every slot runs every day in steady state, on 3 channels. */
const channels = 3
const years = 3

async function call<T>(url: string): Promise<T> {
  const response = await fetch(url, { method: 'POST' }).catch((error) => {
    throw new Error(`${url}: ${error}`)
  })
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`)
  return (await response.json()) as T
}

const gb = (bytes: number) => bytes / 1024 ** 3

const scenario: Scenario = {
  name: 'size-model',
  async run({ quick }) {
    const count = quick ? 2_000 : 20_000
    const dir = mkdtempSync(join(tmpdir(), 'yorisoi-bench-size-'))
    const worker = await startLocalWorker({ persistTo: dir, script: 'bench/workers/size.ts' })
    const size = async () => (await call<{ bytes: number }>(`${worker.url}/size`)).bytes
    try {
      const empty = await size()
      await call(`${worker.url}/seed?from=0&count=${count}`)
      await call(`${worker.url}/complete?from=0&count=${count}`)
      const seeded = await size()
      let batches = 0
      for (;;) {
        const part = await call<{ batches: number; finished: boolean }>(
          `${worker.url}/tick?pages=50&from=${batches}`,
        )
        batches += part.batches
        if (part.finished) break
      }
      const ticked = await size()
      // The rows D1 counts for the plain day too, beside the consume bench's survey day.
      const rows = { read: 0, written: 0, residents: 0 }
      for (let from = 0; from < batches; from += 10) {
        const answer = await call<{ residents: number; meter: Meter }>(
          `${worker.url}/consume?from=${from}&to=${Math.min(batches, from + 10)}`,
        )
        rows.read += answer.meter.rowsRead
        rows.written += answer.meter.rowsWritten
        rows.residents += answer.residents
      }
      const consumed = await size()
      await call(`${worker.url}/rollups?count=${count}`)
      const rolled = await size()
      // And when the day's rows are old enough to go: the rows their pruning reads and writes.
      const started = performance.now()
      const pruning = { pruned: 0, calls: 0, meter: { rowsRead: 0, rowsWritten: 0 } }
      for (let more = true; more; pruning.calls++) {
        const tick = await call<{ pruned: number; more: boolean; meter: Meter }>(`${worker.url}/prune`)
        pruning.pruned += tick.pruned
        pruning.meter.rowsRead += tick.meter.rowsRead
        pruning.meter.rowsWritten += tick.meter.rowsWritten
        more = tick.more
        if (pruning.calls > 1000) throw new Error('the prune walk never ended')
      }
      const pruneSeconds = (performance.now() - started) / 1000
      if (pruning.pruned !== rows.residents)
        throw new Error(`prune took ${pruning.pruned} of the ${rows.residents} rows the day wrote`)
      const pruneWritten = pruning.meter.rowsWritten / pruning.pruned
      const pruneRead = pruning.meter.rowsRead / pruning.pruned

      const perResident = (seeded - empty) / count
      const perDelivery = (consumed - ticked) / count
      const perRollup = (rolled - consumed) / count
      const slots = allSendSlots(standardProgram).filter((slot) => !slot.startsWith('loss/'))
      const pregnancyDays = slots.filter((slot) => slot.startsWith('pregnancy/')).length
      const programDays = pregnancyDays + years * 365.25
      const families = (birthsPerYear * (programDays + residentRetentionDays)) / 365.25
      const residents = families * subscribersPerFamily
      const sendsPerDay = (birthsPerYear / 365.25) * slots.length * subscribersPerFamily
      const deliveryRows = sendsPerDay * defaultPruneOptions.keepDays
      const rollupRows = slots.length * channels * 365.25 * years
      const shardBytes = residents * perResident + deliveryRows * perDelivery + rollupRows * perRollup
      const model = {
        bytesPerResident: Math.round(perResident),
        bytesPerDeliveryRow: Math.round(perDelivery),
        bytesPerRollupRow: Math.round(perRollup),
        birthsPerYear,
        residents: Math.round(residents),
        sendsPerDay: Math.round(sendsPerDay),
        deliveryRowsKept: Math.round(deliveryRows),
        rollupRowsAfterThreeYears: Math.round(rollupRows),
        shardGiB: Number(gb(shardBytes).toFixed(2)),
        underFiveGiB: shardBytes < limitBytes,
      }
      return {
        value: model.shardGiB,
        unit: 'GiB (largest city after 3 years)',
        baseline: gb(limitBytes),
        ratio: shardBytes / limitBytes,
        sizeModel: model,
        figures: {
          plainDayRowsWrittenPerDelivery: rows.written / rows.residents,
          plainDayRowsReadPerDelivery: rows.read / rows.residents,
          pruneRowsWrittenPerDelivery: pruneWritten,
          pruneRowsReadPerDelivery: pruneRead,
          prunePerSecond: pruning.pruned / pruneSeconds,
        },
        prune: { pruned: pruning.pruned, calls: pruning.calls, seconds: pruneSeconds },
        notes:
          `Measured in workerd's local D1 (meta.size_after, indexes included) over ${count.toLocaleString('en')} residents: ` +
          `${model.bytesPerResident} bytes per resident (subscriber, timeline, membership, consent, manage and stop tokens), ` +
          `${model.bytesPerDeliveryRow} bytes per delivery by the real tick and consumer on a plain day (newborn/30: no survey or task line; every row and index it writes; ` +
          `${(rows.written / rows.residents).toFixed(2)} rows written and ${(rows.read / rows.residents).toFixed(2)} read per delivery), ` +
          `${model.bytesPerRollupRow} bytes per delivery_counts roll-up row. Pruning that day's rows ` +
          `${defaultPruneOptions.keepDays} days on (the cron's pruneDeliveries, ${pruning.calls} calls): ` +
          `${pruneWritten.toFixed(2)} rows written and ${pruneRead.toFixed(2)} read per delivery, ` +
          `${Math.round(pruning.pruned / pruneSeconds).toLocaleString('en')} deliveries/s. Model: ${birthsPerYear.toLocaleString('en')} births a year, ` +
          `${subscribersPerFamily} subscribers per family, ${pregnancyDays} pregnancy days + 3 years on the program + ` +
          `${residentRetentionDays} days kept after = ${model.residents.toLocaleString('en')} residents; ${slots.length} sends per ` +
          `subscriber's program = ${model.sendsPerDay.toLocaleString('en')} deliveries a day, raw rows kept ` +
          `${defaultPruneOptions.keepDays} days = ${model.deliveryRowsKept.toLocaleString('en')} rows; roll-ups ` +
          `(every slot × ${channels} channels a day, kept) ${model.rollupRowsAfterThreeYears.toLocaleString('en')} rows after 3 years. ` +
          `Shard: ${model.shardGiB} GiB (limit 10 GB a database; target under 5 GiB). Not counted: surveys, consultations, ` +
          `staff messages and the access log (small beside deliveries). Lower is better; ratio = shard / 5 GiB.`,
      }
    } finally {
      await worker.stop()
      rmSync(dir, { recursive: true, force: true })
    }
  },
}

export default scenario
