import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runYorisoi } from '../support/run-yorisoi'

// The real CLI against a local HTTP server that records what the edge would receive.
let unreadableOnRotation = false
const received: { method: string; url: string; authorization: string; body: string }[] = []
const server = createServer((req: IncomingMessage, res) => {
  let body = ''
  req.on('data', (d) => {
    body += d
  })
  req.on('end', () => {
    received.push({
      method: req.method!,
      url: req.url!,
      authorization: req.headers.authorization ?? '',
      body,
    })
    res.setHeader('content-type', 'application/json')
    if (req.url!.includes('/flagged')) {
      flaggedAnswer(req.url!, res)
    } else if (req.url!.includes('sendgrid')) {
      res.statusCode = 400
      res.end(
        JSON.stringify({
          error: {
            code: 'invalid-request',
            message: 'リクエストの形が契約に合いません / The request does not match the contract',
            details: [{ path: 'name', message: '不明なシークレット名です / Unknown secret name' }],
          },
        }),
      )
    } else if (req.url === '/ingest/tenants/secrets/rotate') {
      // Two pages, as the edge pages a large table; the second names what no key opens, if asked to.
      const after = (JSON.parse(body) as { after?: { tenant: string } }).after
      res.end(
        JSON.stringify(
          after
            ? {
                rotated: 3,
                unreadable: unreadableOnRotation
                  ? [{ tenant: 'minato-town', name: 'twilio.credentials' }]
                  : [],
                next: null,
                remaining: unreadableOnRotation ? 1 : 0,
              }
            : {
                rotated: 100,
                unreadable: [],
                next: { tenant: 'minato-town', name: 'resend.apiKey' },
                remaining: 3,
              },
        ),
      )
    } else if (req.method === 'GET') {
      res.end(JSON.stringify({ secrets: [{ name: 'resend.apiKey', updatedAt: '2026-11-23T00:00:00.000Z' }] }))
    } else res.end(JSON.stringify({ deleted: true, updatedAt: '2026-11-23T00:00:00.000Z' }))
  })
})

// The edge's flagged-delivery answers: a list, a resend, and a delivery already decided.
function flaggedAnswer(path: string, res: import('node:http').ServerResponse) {
  if (path.endsWith('/flagged?limit=5')) {
    res.end(
      JSON.stringify({
        tenant: 'sakura-city',
        flagged: [
          {
            id: '0b9f0c1e-1111-8222-8333-444455556666',
            date: '2026-11-23',
            slots: ['pregnancy/196'],
            channel: 'sms',
            address: '***0001',
            since: '2026-11-23T00:10:00.000Z',
            attempts: 1,
            reason: 'needs-review: may have been sent; this channel has no idempotency key',
          },
        ],
        more: true,
      }),
    )
  } else if (path.includes('decided')) {
    res.statusCode = 409
    res.end(
      JSON.stringify({
        error: {
          code: 'delivery-not-flagged',
          message: 'この配信は確認待ちではありません / This delivery is not awaiting a decision',
        },
      }),
    )
  } else res.end(JSON.stringify({ id: 'x', decision: 'send-again', state: 'sent', error: null }))
}
let url = ''
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

const yorisoi = (args: string[], stdin = '', command = 'tenant-secret') =>
  runYorisoi([command, ...args], stdin, {
    YORISOI_EDGE_URL: url,
    YORISOI_INGEST_TOKEN: 'publishing-token',
    YORISOI_SECRETS_TOKEN: 'secrets-token',
    YORISOI_DECISIONS_TOKEN: 'decisions-token',
  })

describe('yorisoi tenant-secret', { timeout: 60_000 }, () => {
  it('sends the value read from stdin with the secrets token, never in the URL', async () => {
    const { code, stdout } = await yorisoi(
      ['set', '--tenant', 'sakura-city', '--name', 'resend.apiKey'],
      're_k1\n',
    )
    expect(code).toBe(0)
    expect(stdout).toContain('stored resend.apiKey')
    expect(received.at(-1)).toEqual({
      method: 'PUT',
      url: '/ingest/tenants/sakura-city/secrets/resend.apiKey',
      authorization: 'Bearer secrets-token',
      body: JSON.stringify({ value: 're_k1' }),
    })
  })

  it('prints the edge’s bilingual refusal on one line and exits 2', async () => {
    const { code, stderr } = await yorisoi(['delete', '--tenant', 'sakura-city', '--name', 'sendgrid.apiKey'])
    expect(code).toBe(2)
    expect(stderr.trim()).toBe(
      'リクエストの形が契約に合いません / The request does not match the contract [name] 不明なシークレット名です / Unknown secret name',
    )
  })

  it('lists names and refuses a value on the command line', async () => {
    const list = await yorisoi(['list', '--tenant', 'sakura-city'])
    expect(list.stdout).toBe('resend.apiKey\t2026-11-23T00:00:00.000Z\n')
    const before = received.length
    const argv = await yorisoi([
      'set',
      '--tenant',
      'sakura-city',
      '--name',
      'resend.apiKey',
      '--value',
      're_x',
    ])
    expect(argv.code).toBe(2)
    expect(argv.stderr).toMatch(/^引数が正しくありません.+ \/ bad arguments/)
    expect(received.length).toBe(before)
  })

  it('rotate pages through the edge until done, then says the previous key can go; what no key opens fails loudly', async () => {
    const before = received.length
    const done = await yorisoi(['rotate'])
    expect(done.code).toBe(0)
    expect(received.slice(before).map((r) => [r.method, r.url, r.body])).toEqual([
      ['POST', '/ingest/tenants/secrets/rotate', '{}'],
      [
        'POST',
        '/ingest/tenants/secrets/rotate',
        JSON.stringify({ after: { tenant: 'minato-town', name: 'resend.apiKey' } }),
      ],
    ])
    expect(done.stdout).toContain('re-encrypted 103 secrets')
    expect(done.stdout).toContain('TENANT_SECRETS_KEY_PREVIOUS は削除できます')

    unreadableOnRotation = true
    const failed = await yorisoi(['rotate'])
    expect(failed.code).toBe(2)
    expect(failed.stderr.trim()).toBe(
      '1 件はどちらの鍵でも復号できません（minato-town twilio.credentials）。鍵を確かめるか、値を set し直してください / 1 secrets decrypt under neither key (minato-town twilio.credentials); check the keys or set them again',
    )
    expect(failed.stdout).not.toContain('削除できます')
  })
})

describe('yorisoi flagged', { timeout: 60_000 }, () => {
  it('lists a tenant’s flagged deliveries, resolves one with who decided, and prints a refusal on one line', async () => {
    const list = await yorisoi(['list', '--tenant', 'sakura-city', '--limit', '5'], '', 'flagged')
    expect(list.code).toBe(0)
    expect(list.stdout.split('\n')[0]).toBe(
      '0b9f0c1e-1111-8222-8333-444455556666\t2026-11-23\tpregnancy/196\tsms\t***0001\t2026-11-23T00:10:00.000Z\tattempts=1\tneeds-review: may have been sent; this channel has no idempotency key',
    )
    expect(list.stdout).toContain('more remain')
    const resend = await yorisoi(
      ['resolve', '--tenant', 'sakura-city', '--id', 'd1', '--as', 'send-again', '--by', '保健師 A'],
      '',
      'flagged',
    )
    expect(resend.stdout).toBe('d1: 再送しました / sent again\n')
    expect(received.at(-1)).toEqual({
      method: 'POST',
      url: '/ingest/tenants/sakura-city/flagged/d1/resolve',
      authorization: 'Bearer decisions-token',
      body: JSON.stringify({ decision: 'send-again', actor: '保健師 A' }),
    })
    const refused = await yorisoi(
      ['resolve', '--tenant', 'sakura-city', '--id', 'decided', '--as', 'was-sent'],
      '',
      'flagged',
    )
    expect(refused.code).toBe(2)
    expect(refused.stderr).toBe(
      'この配信は確認待ちではありません / This delivery is not awaiting a decision\n',
    )
  })
})
