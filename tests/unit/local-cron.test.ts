import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, expect, it, vi } from 'vitest'
import { localCron, startLocalCron } from '../../dev/local-cron'

afterEach(() => {
  vi.useRealTimers()
})

it('asks the local Worker for a scheduled event every five minutes on the clock, like the real cron', async () => {
  const asked: string[] = []
  const server = createServer((req, res) => {
    asked.push(req.url ?? '')
    res.end('ok')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval'] })
  // 12:03:00: the first tick is at 12:05, then every five minutes.
  const stop = startLocalCron(
    url,
    () => {},
    () => Date.parse('2026-12-06T12:03:00Z'),
  )
  await vi.advanceTimersByTimeAsync(119_000)
  expect(asked).toEqual([])
  await vi.advanceTimersByTimeAsync(1_000)
  await vi.waitFor(() => expect(asked).toHaveLength(1))
  await vi.advanceTimersByTimeAsync(5 * 60_000)
  await vi.waitFor(() => expect(asked).toHaveLength(2))
  stop()
  await vi.advanceTimersByTimeAsync(15 * 60_000)
  expect(asked).toHaveLength(2)
  expect(asked[0]).toBe(`/__scheduled?cron=${encodeURIComponent(localCron)}`)
  server.close()
})
