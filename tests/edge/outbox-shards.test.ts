import { env, exports } from 'cloudflare:workers'
import type { D1Database } from '@cloudflare/workers-types'
import { beforeAll, beforeEach, expect, it } from 'vitest'
import type { OutgoingMessage } from '../../edge/channels/adapter'
import { adapterFor } from '../../edge/channels/registry'
import { sendTransactional } from '../../edge/channels/transactional'
import { fixtureSnapshot } from '../../shared/contract/fixture'
import { publish } from './support/ingest-client'
import { shardNumberOf, shardOf } from './support/shards'

// Sakura's residents live in shard 1 (main), Minato's in shard 2: an outgoing message is kept with
// its tenant's residents, and the local outbox page shows every shard's messages as one list.

let minato: D1Database
const cookie = `outbox_key=${env.OUTBOX_KEY}`
const page = async (path: string) => {
  const response = await exports.default.fetch(`http://edge.test${path}`, { headers: { cookie } })
  expect(response.status).toBe(200)
  return response.text()
}

const message = (tenant: string, overrides: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  idempotencyKey: crypto.randomUUID(),
  tenant,
  channel: 'email',
  to: 'hanako@example.jp',
  subject: 'お知らせ',
  text: '本文',
  ...overrides,
})

const subjects = async (db: D1Database) =>
  (await db.prepare('SELECT subject FROM outbox ORDER BY subject').all<{ subject: string }>()).results.map(
    (r) => r.subject,
  )

beforeAll(async () => {
  expect((await publish(await fixtureSnapshot())).status).toBe(201)
  expect(await shardNumberOf('sakura-city')).toBe(1)
  expect(await shardNumberOf('minato-town')).toBe(2)
  minato = await shardOf('minato-town')
})

beforeEach(async () => {
  await env.DB.prepare('DELETE FROM outbox').run()
  await minato.prepare('DELETE FROM outbox').run()
})

it('keeps a transactional message in the shard of its tenant’s residents, or in the shard it is given', async () => {
  const sakura = await sendTransactional(env, message('sakura-city', { subject: 'さくらの確認' }))
  const toMinato = await sendTransactional(env, message('minato-town', { subject: 'みなとの確認' }))
  expect([sakura.outcome, toMinato.outcome]).toEqual(['sent', 'sent'])
  expect(await subjects(env.DB)).toEqual(['さくらの確認'])
  expect(await subjects(minato)).toEqual(['みなとの確認'])

  // A caller that has resolved the shard already passes it, and the message goes there.
  await sendTransactional(env, message('minato-town', { subject: 'みなとのコード' }), minato)
  await (await adapterFor(env, 'minato-town', 'line', minato)).send([
    message('minato-town', { channel: 'line', subject: 'みなとのLINE', to: 'Uminato' }),
  ])
  expect(await subjects(minato)).toEqual(['みなとのLINE', 'みなとのコード', 'みなとの確認'])
  expect(await subjects(env.DB)).toEqual(['さくらの確認'])
})

it('lists the messages of both shards newest first, each with its town, and opens a shard-2 message with its links', async () => {
  await sendTransactional(env, message('sakura-city', { subject: 'さくら市からのお便り' }))
  await new Promise((resolve) => setTimeout(resolve, 5))
  const sent = await sendTransactional(
    env,
    message('minato-town', {
      subject: 'みなと町からの確認',
      text: '確認はこちら https://yorisoi.example/c/2AbCdEfGhIjKlMnOpQrStUv です。',
    }),
  )

  const list = await page('/outbox')
  const minatoAt = list.indexOf('みなと町からの確認')
  const sakuraAt = list.indexOf('さくら市からのお便り')
  expect(minatoAt).toBeGreaterThan(0)
  expect(sakuraAt).toBeGreaterThan(minatoAt)
  expect(list).toContain('<td>みなと町 <span class="en" lang="en">Minato Town</span></td>')
  expect(list).toContain('<td>さくら市 <span class="en" lang="en">Sakura City</span></td>')

  const opened = await page(`/outbox/${sent.providerMessageId}`)
  expect(opened).toContain('みなと町 <span class="en" lang="en">Minato Town</span> (minato-town)')
  expect(opened).toContain('<dd>2</dd>')
  expect(opened).toContain(
    '<a href="https://yorisoi.example/c/2AbCdEfGhIjKlMnOpQrStUv" rel="noreferrer">https://yorisoi.example/c/2AbCdEfGhIjKlMnOpQrStUv</a> です。',
  )
})

it('pages 100 at a time through both shards merged, newest first, none missed or shown twice', async () => {
  // 60 messages in each shard, their times interleaved: shard 1 at even minutes, shard 2 at odd.
  const insert = (db: D1Database, tenant: string, minutes: number[]) =>
    db.batch(
      minutes.map((m) =>
        db
          .prepare(
            `INSERT INTO outbox (id, idempotency_key, tenant_slug, channel, recipient, subject, text, html, created_at)
             VALUES (?1, ?1, ?2, 'email', 'hanako@example.jp', ?3, '本文', NULL, ?4)`,
          )
          .bind(
            `m${String(m).padStart(3, '0')}`,
            tenant,
            `no-${String(m).padStart(3, '0')}`,
            new Date(Date.UTC(2026, 10, 1, 0, m)).toISOString(),
          ),
      ),
    )
  const minutes = Array.from({ length: 120 }, (_, i) => i)
  await insert(
    env.DB,
    'sakura-city',
    minutes.filter((m) => m % 2 === 0),
  )
  await insert(
    minato,
    'minato-town',
    minutes.filter((m) => m % 2 === 1),
  )
  const shown = (html: string) => [...html.matchAll(/>no-(\d{3})</g)].map((m) => Number(m[1]))

  const first = await page('/outbox')
  expect(shown(first)).toEqual(minutes.slice(20).reverse())
  const older = first.match(/href="(\/outbox\?before=[^"]+)"/)?.[1]
  expect(older).toBeDefined()
  const second = await page(older!.replaceAll('&amp;', '&'))
  expect(shown(second)).toEqual(minutes.slice(0, 20).reverse())
  expect(second).not.toMatch(/outbox\?before=/)
})
