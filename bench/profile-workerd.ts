// Where the consumer's time goes inside workerd: each CPU stage over a batch of 100, timed from
// outside (n rounds against 0), and each D1 statement's elapsed time (workerd's clock moves only
// across I/O, so a statement's time also holds the CPU work since the last I/O: the claim's holds
// the rendering). `npx tsx bench/profile-workerd.ts [rounds] [cpu | cold | after-baseline] [metered]`:
// cpu = the stages only; cold = the consumer before the stages warm its code; after-baseline = the
// bench's baseline over the same batches first; metered = through the bench's own /consume.
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
  // `cold`: the consumer first, as the bench runs it (its code not yet warmed by the stages).
  if (process.argv[3] === 'cold') await consumeTimed()
  const empty = await wall('/cpu?stage=setup&n=0')
  let before = await wall(`/cpu?stage=setup&n=${n}`)
  console.log(`setup ${((before - empty) / n).toFixed(2)} ms per batch`)
  for (const stage of ['plan', 'marks', 'key', 'hmac', 'sha', 'links', 'localDate', 'link', 'render']) {
    const t = await wall(`/cpu?stage=${stage}&n=${n}`)
    const base = !['plan', 'link', 'render'].includes(stage) ? await wall(`/cpu?stage=plan&n=${n}`) : before
    console.log(`${stage.padEnd(8)} +${((t - base) / n).toFixed(2)} ms per batch of 100`)
    if (['plan', 'link', 'render'].includes(stage)) before = t
  }
  const canned = await wall(`/cpu?stage=canned&n=${n}`)
  const whole = await wall(`/cpu?stage=deliver&n=${n}`)
  console.log(
    `deliverBatch against a D1 that answers at once: ${((whole - canned) / n).toFixed(2)} ms per batch of 100`,
  )
  const d1 = await wall(`/d1?n=${n}`)
  console.log(`SELECT 1 round trip ${((d1 - empty) / n).toFixed(2)} ms`)
  for (const random of ['0', '1']) {
    let at = 0
    for (let fill = 0; fill < 500; fill += 100, at += 100 * 100)
      await post(`${worker.url}/keys?n=100&from=${at}&random=${random}`)
    const t0 = performance.now()
    await post(`${worker.url}/keys?n=${n}&from=${at}&random=${random}`)
    console.log(
      `100 rows into 50,000 keyed ${random === '1' ? 'by hash' : 'in order'}: ${((performance.now() - t0) / n).toFixed(2)} ms`,
    )
  }
  for (const [k, bytes] of [
    [4, 0],
    [8, 0],
    [1, 25_000],
    [4, 25_000],
  ] as const) {
    const t = await wall(`/d1?n=${n}&k=${k}&bytes=${bytes}`)
    console.log(`a batch of ${k} statements, ${bytes} bytes bound each: ${((t - empty) / n).toFixed(2)} ms`)
  }
  if (process.argv[3] === undefined || process.argv[3] === 'after-baseline') await consumeTimed()
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
  // As the bench runs it: the baseline's read + insert + update of the same batches first.
  if (process.argv.includes('after-baseline'))
    for (let from = 0; from < batches; from += 10)
      await post(`${worker.url}/baseline?from=${from}&to=${from + 10}`)
  const ms: Record<string, number> = {}
  const busy: Record<string, number> = {}
  const t = performance.now()
  const perRequest: string[] = []
  for (let from = 0; from < batches; from += 10) {
    const started = performance.now()
    const path = process.argv.includes('metered') ? 'consume' : 'consume-timed'
    const answer = await post(`${worker.url}/${path}?from=${from}&to=${from + 10}`)
    perRequest.push((performance.now() - started).toFixed(0))
    for (const [k, v] of Object.entries((answer.ms ?? {}) as Record<string, number>)) ms[k] = (ms[k] ?? 0) + v
    for (const [k, v] of Object.entries((answer.busy ?? {}) as Record<string, number>))
      busy[k] = (busy[k] ?? 0) + v
  }
  const total = performance.now() - t
  console.log(`requests of 10 batches: ${perRequest.join(', ')} ms`)
  const io = Object.values(ms).reduce((a, b) => a + b, 0)
  console.log(
    `consume ${batches} batches: ${(total / batches).toFixed(2)} ms per batch wall, D1 ${(io / batches).toFixed(2)} ms`,
  )
  for (const [k, v] of Object.entries(ms).sort((a, b) => b[1] - a[1]))
    console.log(
      `  ${(v / batches).toFixed(2)} ms elapsed, ${((busy[k] ?? 0) / batches).toFixed(2)} ms SQL  ${k}`,
    )
}
