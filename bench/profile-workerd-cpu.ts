// Where the consumer's CPU time goes inside workerd, by function: V8's sampling profiler in the
// Worker itself, through wrangler's DevTools port. bench/profile-cpu.ts profiles the consumer in
// Node's V8; this one sees workerd's own costs too (its WebCrypto promises, the D1 binding), which
// Node does not have. `npx tsx bench/profile-workerd-cpu.ts [d1 | canned] [top]`: d1 = queue
// messages of the consume bench against the local D1 (the default); canned = deliverBatch against
// a D1 that answers at once (bench/workers/profile.ts). Prints self time per function, most first.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startLocalWorker } from '../dev/local-worker'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
}
interface Answer {
  id?: number
  result?: { profile?: { nodes: ProfileNode[]; samples: number[] } }
}

const mode = process.argv[2] === 'canned' ? 'canned' : 'd1'
const top = Number(process.argv[3] ?? 40)
const dir = mkdtempSync(join(tmpdir(), 'yorisoi-profile-'))
const worker = await startLocalWorker({ persistTo: dir, script: 'bench/workers/profile.ts' })
const post = async (path: string) => {
  const r = await fetch(`${worker.url}${path}`, { method: 'POST' })
  if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`)
  return r.json() as Promise<Record<string, unknown>>
}
try {
  let batches = 0
  if (mode === 'd1') {
    await post('/seed?from=0&count=10000')
    for (let done = false; !done; ) {
      const part = await post(`/tick?pages=50&from=${batches}`)
      batches += part.batches as number
      done = part.finished === true
    }
  }
  // Ten queue messages (or canned batches) to warm the code, the rest under the profiler.
  const run = async (from: number, to: number) => {
    if (mode === 'd1') for (let i = from; i < to; i += 10) await post(`/consume-timed?from=${i}&to=${i + 10}`)
    else for (let i = from; i < to; i += 50) await post('/cpu?stage=deliver&n=50')
  }
  const total = mode === 'd1' ? batches : 500
  await run(0, 10)
  const profile = await profiled(() => run(10, total))
  const self = new Map<string, number>()
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  for (const sample of profile.samples) {
    const { functionName, url, lineNumber } = byId.get(sample)!.callFrame
    const name = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`
    self.set(name, (self.get(name) ?? 0) + 1)
  }
  console.log(`${mode}: ${total - 10} batches of 100, ${profile.samples.length} samples; self time:`)
  for (const [name, n] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`${((100 * n) / profile.samples.length).toFixed(1).padStart(5)}%  ${name}`)
} finally {
  await worker.stop()
  rmSync(dir, { recursive: true, force: true })
}

async function profiled(work: () => Promise<void>) {
  const targets = (await (await fetch(`http://127.0.0.1:${worker.inspectorPort}/json`)).json()) as {
    webSocketDebuggerUrl: string
  }[]
  // wrangler's inspector proxy takes a DevTools client only with an Origin it knows.
  const init = { headers: { Origin: 'http://127.0.0.1' } }
  const socket = new WebSocket(targets[0]!.webSocketDebuggerUrl, init as unknown as string[])
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve)
    socket.addEventListener('error', reject)
  })
  const waiting = new Map<number, (answer: Answer) => void>()
  socket.addEventListener('message', (event) => {
    const answer = JSON.parse(String(event.data)) as Answer
    if (answer.id !== undefined) waiting.get(answer.id)?.(answer)
  })
  let next = 0
  const call = (method: string, params = {}) =>
    new Promise<Answer>((resolve) => {
      const id = ++next
      waiting.set(id, resolve)
      socket.send(JSON.stringify({ id, method, params }))
    })
  await call('Profiler.enable')
  await call('Profiler.setSamplingInterval', { interval: 50 })
  await call('Profiler.start')
  await work()
  const { result } = await call('Profiler.stop')
  socket.close()
  return result!.profile!
}
