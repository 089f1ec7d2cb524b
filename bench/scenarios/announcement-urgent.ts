// An urgent announcement to every resident of one town (20,000; 2,000 with --quick), in workerd
// with wrangler's local D1 (bench/workers/announce.ts): from its publish (the activation) to the
// last provider call — start, walk on the reschedule queue, batches claimed, rendered, sent to a
// null provider and recorded — against the daily run of the same residents in the same Worker
// (the real tick and consumer). The queues are drained in process, one message after another:
// the figure is the Worker's own work, without the queues' delivery latency or parallel consumers.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startLocalWorker } from '../../dev/local-worker'
import type { Scenario } from '../scenario'

interface Timed {
  ms: number
  sent: number
  batches: number
}

async function call<T>(url: string): Promise<T> {
  const response = await fetch(url, { method: 'POST' })
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`)
  return (await response.json()) as T
}

const scenario: Scenario = {
  name: 'announcement-urgent',
  async run({ quick }) {
    const residents = quick ? 2_000 : 20_000
    const dir = mkdtempSync(join(tmpdir(), 'yorisoi-bench-announce-'))
    const worker = await startLocalWorker({ persistTo: dir, script: 'bench/workers/announce.ts' })
    try {
      await call(`${worker.url}/seed?count=${residents}`)
      const urgent = await call<Timed & { walkedMs: number; walkMessages: number; run: { state: string } }>(
        `${worker.url}/announce`,
      )
      const day = await call<Timed>(`${worker.url}/daily`)
      if (urgent.sent !== residents || day.sent !== residents)
        throw new Error(`sent ${urgent.sent} announcements and ${day.sent} daily messages to ${residents}`)
      if (urgent.run.state !== 'sent') throw new Error(`the run ended ${urgent.run.state}`)
      return {
        value: urgent.ms / 1000,
        unit: 's',
        baseline: day.ms / 1000,
        ratio: urgent.ms / day.ms,
        notes:
          `Urgent announcement to ${residents.toLocaleString('en')} residents of one town: publish → last provider call ` +
          `${(urgent.ms / 1000).toFixed(1)} s (walked in ${(urgent.walkedMs / 1000).toFixed(1)} s, ${urgent.walkMessages} walk ` +
          `messages, ${urgent.batches} delivery batches; ${Math.round(residents / (urgent.ms / 1000)).toLocaleString('en')}/s). ` +
          `Baseline: the daily run of the same residents (tick + consumer, ${day.batches} batches) ` +
          `${(day.ms / 1000).toFixed(1)} s. In workerd (wrangler dev, local D1), one consumer, queues drained in ` +
          `process, null provider. Lower is better; ratio = announcement time / daily run time.`,
      }
    } finally {
      await worker.stop()
      rmSync(dir, { recursive: true, force: true })
    }
  },
}

export default scenario
