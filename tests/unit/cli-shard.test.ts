import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runYorisoi } from '../support/run-yorisoi'

// The real CLI against a local HTTP server answering as the edge's /ingest/shards would: the
// command must carry each step's cursor to the next, wait out the drain, and stop at `done`.

const received: { method: string; url: string; body: string }[] = []
const steps = [
  { phase: 'draining', waitMs: 50 },
  { phase: 'copy', table: 'subscribers', rows: 200, cursor: { step: 0, after: 200 } },
  { phase: 'copy', table: 'subscribers', rows: 12, cursor: { step: 1, after: 0 } },
  { phase: 'copy', table: 'deliveries', rows: 900, cursor: { step: 7, after: 20 } },
  { phase: 'forward', links: 430, cursor: { step: 27, after: 0 } },
  { phase: 'moved', shard: 2 },
  { phase: 'cleanup', shard: 1, table: 'subscribers', removed: 50 },
  { phase: 'cleanup', shard: 1, table: 'subscribers', removed: 12 },
  { phase: 'cleanup', shard: 1, table: 'delivery_counts', removed: 40 },
  { phase: 'done', shard: 2 },
]
let next = 0

const server = createServer((req, res) => {
  let body = ''
  req.on('data', (d) => {
    body += d
  })
  req.on('end', () => {
    received.push({ method: req.method!, url: req.url!, body })
    res.setHeader('content-type', 'application/json')
    const ask = body ? (JSON.parse(body) as { tenant?: string; to?: number }) : {}
    if (req.url === '/ingest/shards') {
      res.end(
        JSON.stringify({
          shards: [
            { shard: 1, bound: true, tenants: ['komorebi-ward', 'sorairo-town'], arriving: [] },
            { shard: 2, bound: true, tenants: ['mizuhoshi-city'], arriving: ['sorairo-town'] },
          ],
        }),
      )
    } else if (req.url === '/ingest/shards/moves' && ask.tenant === 'elsewhere-town') {
      res.statusCode = 409
      res.end(
        JSON.stringify({
          error: {
            code: 'tenant-moving-elsewhere',
            message: 'その自治体は別のシャードへ移動中です / That tenant is moving to another shard',
          },
        }),
      )
    } else if (req.url === '/ingest/shards/moves') {
      next = 0
      res.end(JSON.stringify({ tenant: ask.tenant, from: 1, to: ask.to, moving: true }))
    } else res.end(JSON.stringify(steps[next++]))
  })
})
let url = ''
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

const yorisoi = (args: string[]) =>
  runYorisoi(['shard', ...args], '', { YORISOI_EDGE_URL: url, YORISOI_OPERATIONS_TOKEN: 'ops-token' })

describe('yorisoi shard', { timeout: 60_000 }, () => {
  it('move starts, hands each step its cursor until done, and sums up what moved', async () => {
    const before = received.length
    const { code, stdout } = await yorisoi(['move', '--tenant', 'sorairo-town', '--to', '2'])
    expect(code).toBe(0)
    const asked = received.slice(before)
    expect(asked[0]).toEqual({
      method: 'POST',
      url: '/ingest/shards/moves',
      body: JSON.stringify({ tenant: 'sorairo-town', to: 2 }),
    })
    // The step after a draining answer asks again from the start; each later one carries the cursor.
    expect(asked.slice(1).map((r) => JSON.parse(r.body).cursor)).toEqual([
      null,
      null,
      { step: 0, after: 200 },
      { step: 1, after: 0 },
      { step: 7, after: 20 },
      { step: 27, after: 0 },
      { step: 27, after: 0 },
      { step: 27, after: 0 },
      { step: 27, after: 0 },
      { step: 27, after: 0 },
    ])
    expect(asked.slice(1).every((r) => r.url === '/ingest/shards/moves/sorairo-town/step')).toBe(true)
    expect(stdout).toContain('moving from shard 1 to 2')
    expect(stdout).toContain('switched: residents are served from shard 2')
    expect(stdout).toContain('copied: subscribers 212, deliveries 900')
    expect(stdout).toContain('link forwards: 430')
    expect(stdout).toContain('removed from the old shard: subscribers 62, delivery_counts 40')
    expect(stdout.trim().split('\n').at(-1)).toBe(
      'sorairo-town はシャード 2 にあります / sorairo-town is on shard 2',
    )
  })

  it('list shows each shard’s towns, those arriving, and where a new town goes', async () => {
    const { code, stdout } = await yorisoi(['list'])
    expect(code).toBe(0)
    expect(stdout).toBe(
      '1\tkomorebi-ward, sorairo-town\n2\tmizuhoshi-city\t移動中 / arriving: sorairo-town\n' +
        '新しい自治体はシャード 2 へ / a new town goes to shard 2\n',
    )
  })

  it('prints the edge’s refusal on one line and exits 2; a move needs --tenant and --to', async () => {
    const refused = await yorisoi(['move', '--tenant', 'elsewhere-town', '--to', '2'])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toBe(
      'その自治体は別のシャードへ移動中です / That tenant is moving to another shard\n',
    )
    const missing = await yorisoi(['move', '--tenant', 'sorairo-town'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toBe(
      '--tenant と --to（シャード番号）を指定してください / --tenant and --to (a shard number) are required\n',
    )
    const unknown = await yorisoi(['split'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(/^使い方: yorisoi shard migrate/)
  })
})
