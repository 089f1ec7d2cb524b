import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runYorisoi } from '../support/run-yorisoi'

// The real CLI against a local HTTP server answering as the edge's /ingest/links/rotate would: the
// command carries each page's cursor to the next, with the operations token, until `next` is null.

const received: { url: string; authorization: string; body: string }[] = []
const pages = [
  { stored: 200, next: { shard: 1, subscriber: 'm' }, remaining: 250 },
  { stored: 200, next: { shard: 2, subscriber: 'k' }, remaining: 50 },
  { stored: 50, next: null, remaining: 0 },
]

const server = createServer((req, res) => {
  let body = ''
  req.on('data', (d) => {
    body += d
  })
  req.on('end', () => {
    received.push({ url: req.url!, authorization: req.headers.authorization ?? '', body })
    res.setHeader('content-type', 'application/json')
    res.end(JSON.stringify(pages[received.length - 1]))
  })
})
let url = ''
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

describe('yorisoi link-secret', { timeout: 60_000 }, () => {
  it('rotate pages through every shard with the operations token, then says PREVIOUS can go', async () => {
    const { code, stdout } = await runYorisoi(['link-secret', 'rotate'], '', {
      YORISOI_EDGE_URL: url,
      YORISOI_INGEST_TOKEN: 'publishing-token',
      YORISOI_OPERATIONS_TOKEN: 'ops-token',
    })
    expect(code).toBe(0)
    expect(received).toEqual([
      { url: '/ingest/links/rotate', authorization: 'Bearer ops-token', body: '{}' },
      {
        url: '/ingest/links/rotate',
        authorization: 'Bearer ops-token',
        body: JSON.stringify({ after: { shard: 1, subscriber: 'm' } }),
      },
      {
        url: '/ingest/links/rotate',
        authorization: 'Bearer ops-token',
        body: JSON.stringify({ after: { shard: 2, subscriber: 'k' } }),
      },
    ])
    expect(stdout).toContain('stored 450 residents')
    expect(stdout).toContain('LINK_SECRET_PREVIOUS can be removed')
  })

  it('without the operations token, says which variable to set', async () => {
    const { code, stderr } = await runYorisoi(['link-secret', 'rotate'], '', {
      YORISOI_EDGE_URL: url,
      YORISOI_INGEST_TOKEN: 'publishing-token',
    })
    expect(code).toBe(2)
    expect(stderr.trim()).toBe(
      'YORISOI_EDGE_URL と YORISOI_OPERATIONS_TOKEN を設定してください / set YORISOI_EDGE_URL and YORISOI_OPERATIONS_TOKEN',
    )
  })
})
