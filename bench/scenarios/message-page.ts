// Residents opening their message page, /m/{token}, on the Worker in workerd (wrangler dev, local
// D1): requests per second over a few thousand deliveries' pages, each opened once, against the
// Worker's cheapest D1-backed route, /healthz, at the same concurrency.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { D1Database } from '@cloudflare/workers-types'
import { getPlatformProxy } from 'wrangler'
import { freePort } from '../../cms/db/freePort'
import { applyMigrations, startLocalWorker } from '../../dev/local-worker'
import { deliveryLinks } from '../../edge/delivery/links'
import { addDays, type CivilDate } from '../../shared/calendar'
import { fixtureManifestId, fixtureTenantParts } from '../../shared/contract/fixture'
import { pagePrefix } from '../../shared/links'
import { publishFixture } from '../../tests/support/publish-fixture'
import type { Scenario } from '../scenario'

const tenant = fixtureTenantParts[0]!.tenant.slug
const day: CivilDate = '2026-11-23'
// 28w0d on `day`: pregnancy/196, the slot the fixture's national part has a message for.
const due = addDays(day, 84)
const createdAt = '2026-11-01T00:00:00.000Z'
const concurrency = 8

interface Seeded {
  tokens: string[]
}

/** N residents with one program delivery each, written as the delivery consumer writes them. */
async function seed(persistTo: string, count: number, origin: string, secret: string): Promise<Seeded> {
  await applyMigrations(persistTo)
  const proxy = await getPlatformProxy<{ DB: D1Database }>({
    configPath: 'wrangler.toml',
    persist: { path: join(persistTo, 'v3') },
  })
  const tokens: string[] = []
  try {
    const db = proxy.env.DB
    for (let from = 0; from < count; from += 1000) {
      const rows = []
      for (let n = from; n < Math.min(count, from + 1000); n++) {
        const subscriber = `bench-s${n}`
        const delivery = `bench-d${n}`
        // Rowids follow n: the subscribers are inserted in its order.
        const prefix = pagePrefix(day, tenant, n + 1)
        const { links, pageTokenHash } = await deliveryLinks(
          origin,
          secret,
          subscriber,
          delivery,
          0,
          1,
          prefix,
        )
        tokens.push(links.messageUrl.slice(links.messageUrl.lastIndexOf('/') + 1))
        rows.push([subscriber, `bench-t${n}`, delivery, pageTokenHash])
      }
      const json = JSON.stringify(rows)
      await db.batch([
        db
          .prepare(
            `INSERT INTO timelines (id, tenant_slug, due_date, created_at, updated_at)
             SELECT value->>1, ?2, ?3, ?4, ?4 FROM json_each(?1)`,
          )
          .bind(json, tenant, due, createdAt),
        db
          .prepare(
            `INSERT INTO subscribers (id, tenant_slug, nickname, audience, language, channel, address,
               address_verified_at, state, next_send_on, created_at, updated_at)
             SELECT value->>0, ?2, 'はな', 'primary', 'ja', 'email', value->>0 || '@example.jp', ?3, 'active',
               ?4, ?3, ?3 FROM json_each(?1)`,
          )
          .bind(json, tenant, createdAt, addDays(day, 1)),
        db
          .prepare(
            'INSERT INTO timeline_members (timeline_id, subscriber_id) SELECT value->>1, value->>0 FROM json_each(?1)',
          )
          .bind(json),
        db
          .prepare(
            // As the consumer writes it: the page token's hash is the id, the key the provider's.
            `INSERT INTO deliveries (id, subscriber_id, tenant_slug, local_date, kind, manifest_id, slots, channel,
               state, idempotency_key, created_at, updated_at)
             SELECT value->>3, value->>0, ?2, ?3, 'program', ?4, '["pregnancy/196"]', 'email', 'sent',
               value->>2, ?5, ?5 FROM json_each(?1)`,
          )
          .bind(json, tenant, day, fixtureManifestId, `${day}T00:00:00.000Z`),
      ])
    }
  } finally {
    await proxy.dispose()
  }
  return { tokens }
}

/** Every path requested once, `concurrency` at a time over kept-alive connections; requests/s. */
async function load(paths: readonly string[], base: string, check: (status: number, body: string) => void) {
  let next = 0
  const start = performance.now()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < paths.length) {
        const path = paths[next++]!
        const response = await fetch(`${base}${path}`)
        check(response.status, await response.text())
      }
    }),
  )
  return paths.length / ((performance.now() - start) / 1000)
}

const scenario: Scenario = {
  name: 'message-page',
  async run({ quick }) {
    const count = quick ? 500 : 3000
    const dir = mkdtempSync(join(tmpdir(), 'yorisoi-bench-message-page-'))
    const token = randomBytes(24).toString('base64url')
    const secret = randomBytes(24).toString('base64url')
    const port = await freePort()
    const origin = `http://127.0.0.1:${port}`
    try {
      const { tokens } = await seed(dir, count, origin, secret)
      const worker = await startLocalWorker({
        persistTo: dir,
        port,
        vars: { INGEST_TOKEN: token, LINK_SECRET: secret, IP_HASH_SALT: secret, PUBLIC_ORIGIN: origin },
      })
      try {
        await publishFixture(worker.url, token)
        const page = (status: number, body: string) => {
          // The nickname is the resident's own text, isolated in <bdi> (edge/web/own-text.ts).
          if (status !== 200 || !body.includes('<bdi>はな</bdi>さん'))
            throw new Error(`message page answered ${status}: ${body.slice(0, 200)}`)
        }
        const health = (status: number) => {
          if (status !== 200) throw new Error(`/healthz answered ${status}`)
        }
        // Warm both routes (isolate start, snapshot read into the isolate) before the clock starts.
        await load(
          tokens.slice(0, 50).map((t) => `/m/${t}`),
          worker.url,
          page,
        )
        await load(Array(50).fill('/healthz'), worker.url, health)
        const pages = await load(
          tokens.map((t) => `/m/${t}`),
          worker.url,
          page,
        )
        const baseline = await load(Array(count).fill('/healthz'), worker.url, health)
        return {
          value: pages,
          unit: 'requests/s',
          baseline,
          ratio: pages / baseline,
          figures: { messagePageRatioToHealthz: pages / baseline },
          notes:
            `${count.toLocaleString('en')} deliveries' message pages in local D1, each opened once (50 warm-up), ` +
            `${concurrency} at a time from Node fetch to wrangler dev (workerd, local D1): find the delivery by token hash, ` +
            `load the snapshot, re-plan and compose the day, render, count the open; baseline /healthz ` +
            `(one D1 read) at the same concurrency (higher is better; ratio = pages / healthz).`,
        }
      } finally {
        await worker.stop()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  },
}

export default scenario
