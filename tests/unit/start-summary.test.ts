import { afterEach, expect, it, vi } from 'vitest'
import { printSummary } from '../../dev/summary'

afterEach(() => {
  vi.restoreAllMocks()
})

it("npm start's summary names each town's shard beside its registration page", () => {
  const lines: string[] = []
  vi.spyOn(console, 'log').mockImplementation((text: string) => lines.push(...text.split('\n')))
  printSummary({
    adminUrl: 'http://127.0.0.1:3000/admin',
    edgeUrl: 'http://127.0.0.1:8787',
    outboxUrl: 'http://127.0.0.1:8787/outbox?key=k',
    tenants: [
      { slug: 'komorebi-ward', channels: ['email', 'line'], shard: 1 },
      { slug: 'mizuhoshi-city', channels: ['email', 'sms'], shard: 2 },
      { slug: 'sorairo-town', channels: ['line'], shard: 1 },
    ],
    password: 'yorisoi-dev',
  })
  const registration = lines.filter((l) => l.includes('/t/'))
  expect(registration.map((l) => l.trim().replace(/\s+/g, ' '))).toEqual([
    '登録 / Registration: komorebi-ward (email, line; シャード / shard 1) http://127.0.0.1:8787/t/komorebi-ward',
    '登録 / Registration: mizuhoshi-city (email, sms; シャード / shard 2) http://127.0.0.1:8787/t/mizuhoshi-city',
    '登録 / Registration: sorairo-town (line; シャード / shard 1) http://127.0.0.1:8787/t/sorairo-town',
  ])
})

it('prints the towns with email first, however the seed lists them: a LINE-only town last', () => {
  const lines: string[] = []
  vi.spyOn(console, 'log').mockImplementation((text: string) => lines.push(...text.split('\n')))
  printSummary({
    adminUrl: 'http://127.0.0.1:3000/admin',
    edgeUrl: 'http://127.0.0.1:8787',
    outboxUrl: 'http://127.0.0.1:8787/outbox?key=k',
    tenants: [
      { slug: 'sorairo-town', channels: ['line'], shard: 1 },
      { slug: 'mizuhoshi-city', channels: ['sms', 'email'], shard: 2 },
      { slug: 'komorebi-ward', channels: ['email', 'line'], shard: 1 },
    ],
    password: 'yorisoi-dev',
  })
  const towns = lines.filter((l) => l.includes('/t/')).map((l) => l.split('/t/')[1])
  expect(towns).toEqual(['mizuhoshi-city', 'komorebi-ward', 'sorairo-town'])
  expect(lines.some((l) => l.includes('Play a LINE follow and code reply'))).toBe(true)
})
