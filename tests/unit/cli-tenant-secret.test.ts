import { spawn } from 'node:child_process'
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// The real CLI against a local HTTP server that records what the edge would receive.
const root = fileURLToPath(new URL('../..', import.meta.url))
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
    if (req.url!.includes('sendgrid')) {
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
let url = ''
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

function yorisoi(args: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/yorisoi.mjs', 'tenant-secret', ...args], {
      cwd: root,
      env: { ...process.env, YORISOI_EDGE_URL: url, YORISOI_INGEST_TOKEN: 'ops-token' },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => {
      stdout += d
    })
    child.stderr.on('data', (d) => {
      stderr += d
    })
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }))
    child.stdin.end(stdin)
  })
}

describe('yorisoi tenant-secret', { timeout: 60_000 }, () => {
  it('sends the value read from stdin with the ingest token, never in the URL', async () => {
    const { code, stdout } = await yorisoi(
      ['set', '--tenant', 'sakura-city', '--name', 'resend.apiKey'],
      're_k1\n',
    )
    expect(code).toBe(0)
    expect(stdout).toContain('stored resend.apiKey')
    expect(received.at(-1)).toEqual({
      method: 'PUT',
      url: '/ingest/tenants/sakura-city/secrets/resend.apiKey',
      authorization: 'Bearer ops-token',
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
