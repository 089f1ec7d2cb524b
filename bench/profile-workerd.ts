// Where the consumer's time goes inside workerd: each CPU stage over a batch of 100, timed from
// outside (n rounds against 0), and each D1 statement's elapsed time. `npx tsx bench/profile-workerd.ts`
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startLocalWorker } from '../dev/local-worker'

const post = async (url: string) => {
  const r = await fetch(url, { method: 'POST' })
  if (!r.ok) throw new Error(`${url}: ${r.status} ${await r.text()}`)
  return r.json() as Promise<Record<string, unknown>>
}
const dir = mkdtempSync(join(tmpdir(), 'yorisoi-profile-'))
const worker = await startLocalWorker({ persistTo: dir, script: 'bench/workers/profile.ts' })
try {
  const n = Number(process.argv[2] ?? 40)
  const wall = async (path: string) => {
    const best: number[] = []
    for (let k = 0; k < 5; k++) {
      const t = performance.now()
      await post(`${worker.url}${path}`)
      best.push(performance.now() - t)
    }
    return Math.min(...best)
  }
  const empty = await wall('/cpu?stage=setup&n=0')
  let before = await wall(`/cpu?stage=setup&n=${n}`)
  console.log(`setup ${((before - empty) / n).toFixed(2)} ms per batch`)
  for (const stage of ['plan', 'marks', 'key', 'hmac', 'sha', 'links', 'localDate', 'link', 'render']) {
    const t = await wall(`/cpu?stage=${stage}&n=${n}`)
    const base = !['plan', 'link', 'render'].includes(stage) ? await wall(`/cpu?stage=plan&n=${n}`) : before
    console.log(`${stage.padEnd(8)} +${((t - base) / n).toFixed(2)} ms per batch of 100`)
    if (['plan', 'link', 'render'].includes(stage)) before = t
  }
  const d1 = await wall(`/d1?n=${n}`)
  console.log(`SELECT 1 round trip ${((d1 - empty) / n).toFixed(2)} ms`)
  if (process.argv[3] !== 'cpu') await consumeTimed()
} finally {
  await worker.stop()
  rmSync(dir, { recursive: true, force: true })
}

async function consumeTimed() {
  await post(`${worker.url}/seed?from=0&count=5000`)
  let batches = 0
  for (;;) {
    const part = await post(`${worker.url}/tick?pages=50&from=${batches}`)
    batches += part.batches as number
    if (part.finished) break
  }
  const ms: Record<string, number> = {}
  const busy: Record<string, number> = {}
  const t = performance.now()
  for (let from = 0; from < batches; from += 10) {
    const answer = await post(`${worker.url}/consume-timed?from=${from}&to=${from + 10}`)
    for (const [k, v] of Object.entries(answer.ms as Record<string, number>)) ms[k] = (ms[k] ?? 0) + v
    for (const [k, v] of Object.entries(answer.busy as Record<string, number>)) busy[k] = (busy[k] ?? 0) + v
  }
  const total = performance.now() - t
  const io = Object.values(ms).reduce((a, b) => a + b, 0)
  console.log(
    `consume ${batches} batches: ${(total / batches).toFixed(2)} ms per batch wall, D1 ${(io / batches).toFixed(2)} ms`,
  )
  for (const [k, v] of Object.entries(ms).sort((a, b) => b[1] - a[1]))
    console.log(
      `  ${(v / batches).toFixed(2)} ms elapsed, ${((busy[k] ?? 0) / batches).toFixed(2)} ms SQL  ${k}`,
    )
}
