// Where the consumer's CPU time goes, by function: the consume bench's residents and queue messages
// (bench/workers/shared.ts) consumed by the real deliverBatch in this process, against the local
// D1 in workerd (wrangler's platform proxy), under V8's sampling profiler. Node's V8, not
// workerd's, and D1 reached over the proxy, so the wall time is not the bench's: the CPU spent
// in the consumer's own functions is what this shows. Prints self time per function, most first.
// `npx tsx bench/profile-cpu.ts [residents] [top]` (5,000 and 40 when not given)

import { mkdtempSync, rmSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Queue } from '@cloudflare/workers-types'
import { openLocalD1 } from '../dev/local-worker'
import { deliverBatch } from '../edge/delivery/deliver'
import { runTick } from '../edge/delivery/tick'
import type { DeliveryBatch } from '../edge/queues'
import { benchDay, benchSnapshot, benchTenant, linkSecret, nullAdapter, seed } from './workers/shared'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
}
interface Profile {
  nodes: ProfileNode[]
  startTime: number
  endTime: number
  samples: number[]
}

const residents = Number(process.argv[2] ?? 5000)
const top = Number(process.argv[3] ?? 40)
const dir = mkdtempSync(join(tmpdir(), 'yorisoi-profile-cpu-'))
const local = await openLocalD1(dir)
try {
  const db = local.db
  await seed(db, benchTenant.tenant.slug, 0, residents)
  const batches: DeliveryBatch[] = []
  const queue = {
    async sendBatch(messages: Iterable<{ body: DeliveryBatch }>) {
      for (const m of messages) batches.push(m.body)
    },
  } as unknown as Queue<DeliveryBatch>
  await runTick(
    { db, queue, snapshot: benchSnapshot, now: new Date(`${benchDay}T03:00:00Z`) },
    { chunkSize: 2000, batchSize: 100, chunkBudget: 900, leaseSeconds: 600 },
  )
  const deps = {
    db,
    snapshot: benchSnapshot,
    adapterFor: async () => nullAdapter(),
    origin: 'https://yorisoi.example.jp',
    linkSecret,
    now: () => new Date(`${benchDay}T03:10:00Z`),
  }
  // The first tenth warms the code, as a long run would have it.
  const warm = Math.ceil(batches.length / 10)
  for (const batch of batches.slice(0, warm)) await deliverBatch(deps, batch)
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.setSamplingInterval', { interval: 100 })
  await session.post('Profiler.start')
  const cpu = process.cpuUsage()
  for (const batch of batches.slice(warm)) await deliverBatch(deps, batch)
  const used = process.cpuUsage(cpu)
  const { profile } = (await session.post('Profiler.stop')) as { profile: Profile }
  session.disconnect()
  const sampled = batches.length - warm
  const interval = (profile.endTime - profile.startTime) / 1000 / profile.samples.length
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const self = new Map<string, number>()
  for (const id of profile.samples) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame
    const file = url.split('/').slice(-2).join('/')
    const key = `${functionName || '(anonymous)'} ${file}${file ? `:${lineNumber + 1}` : ''}`
    self.set(key, (self.get(key) ?? 0) + interval)
  }
  const busy = [...self].filter(([k]) => !k.startsWith('(idle)')).reduce((s, [, ms]) => s + ms, 0)
  console.log(
    `${sampled} batches of 100: ${(busy / sampled).toFixed(2)} ms per batch sampled busy, ` +
      `${((used.user + used.system) / 1000 / sampled).toFixed(2)} ms CPU of this process per batch`,
  )
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`${(ms / sampled).toFixed(3).padStart(7)} ms/batch  ${key}`)
} finally {
  await local.dispose()
  rmSync(dir, { recursive: true, force: true })
}
