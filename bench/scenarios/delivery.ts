// A day's run for N due subscribers of one tenant in local D1: the cron tick's select + enqueue
// (claim the run, page by the (tenant, next_send_on) index, record the cursor) against a raw read
// of the same rows in one query. The queue is a counter here: Queues' own speed is not ours.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { D1Database, Queue } from '@cloudflare/workers-types'
import { getPlatformProxy } from 'wrangler'
import { applyMigrations } from '../../dev/local-worker'
import { runTick } from '../../edge/delivery/tick'
import type { DeliveryBatch } from '../../edge/queues'
import type { LoadedSnapshot } from '../../edge/snapshot/read'
import { fixtureNationalPart, fixtureTenantParts } from '../../shared/contract/fixture'
import type { Scenario } from '../scenario'

const tenant = fixtureTenantParts[0]!
const today = '2026-11-23'

/** N due subscribers (and as many not due, so the index has to choose), 5,000 rows a statement. */
async function seed(db: D1Database, due: number): Promise<void> {
  const at = '2026-10-01T00:00:00.000Z'
  const insert = db.prepare(
    `INSERT INTO subscribers (id, tenant_slug, nickname, audience, language, channel, address, state, next_send_on, created_at, updated_at)
     SELECT 's' || value, ?2, 'はな', 'primary', 'ja', 'email', 's' || value || '@example.jp', 'active',
            CASE WHEN value % 2 = 0 THEN ?3 ELSE '2026-12-01' END, ?4, ?4
     FROM json_each(?1)`,
  )
  for (let from = 0; from < due * 2; from += 5000) {
    const ids = Array.from({ length: Math.min(5000, due * 2 - from) }, (_, i) => from + i)
    await insert.bind(JSON.stringify(ids), tenant.tenant.slug, today, at).run()
  }
}

const seconds = async (work: () => Promise<unknown>) => {
  const start = performance.now()
  await work()
  return (performance.now() - start) / 1000
}

const scenario: Scenario = {
  name: 'delivery-select-enqueue',
  async run({ subscribers, quick }) {
    const due = quick ? Math.min(subscribers, 20_000) : subscribers
    const dir = mkdtempSync(join(tmpdir(), 'yorisoi-bench-delivery-'))
    await applyMigrations(dir)
    const proxy = await getPlatformProxy<{ DB: D1Database }>({
      configPath: 'wrangler.toml',
      persist: { path: join(dir, 'v3') },
    })
    try {
      const db = proxy.env.DB
      await seed(db, due)
      let enqueued = 0
      let messages = 0
      const queue = {
        async sendBatch(batch: Iterable<{ body: DeliveryBatch }>) {
          for (const m of batch) {
            messages++
            enqueued += m.body.subscriberIds.length
          }
        },
      } as unknown as Queue<DeliveryBatch>
      const snapshot = {
        manifest: { id: 'bench-1', contractVersion: 1, createdAt: '2026-11-20T00:00:00.000Z', parts: [] },
        national: fixtureNationalPart,
        tenants: new Map([[tenant.tenant.slug, tenant]]),
      } as LoadedSnapshot
      const options = {
        chunkSize: 2000,
        batchSize: 100,
        chunkBudget: Number.POSITIVE_INFINITY,
        leaseSeconds: 600,
      }
      const run = await seconds(() =>
        runTick({ db, queue, snapshot, now: new Date(`${today}T03:00:00Z`) }, options),
      )
      if (enqueued !== due) throw new Error(`enqueued ${enqueued} of ${due} due subscribers`)
      const raw = await seconds(() =>
        db
          .prepare('SELECT id FROM subscribers WHERE tenant_slug = ?1 AND next_send_on <= ?2')
          .bind(tenant.tenant.slug, today)
          .all(),
      )
      return {
        value: due / run,
        unit: 'subscribers/s',
        baseline: due / raw,
        ratio: raw / run,
        notes:
          `${due.toLocaleString('en')} due of ${(due * 2).toLocaleString('en')} subscribers in local D1 (getPlatformProxy); ` +
          `claim run + keyset pages of 2,000 by (tenant, next_send_on, rowid) + cursor updates + ${messages.toLocaleString('en')} ` +
          `queue messages of ≤100 ids (counted, not sent) in ${run.toFixed(2)} s, vs one raw SELECT of the same ids in ` +
          `${raw.toFixed(2)} s (higher is better; ratio = raw time / run time).`,
      }
    } finally {
      await proxy.dispose()
      rmSync(dir, { recursive: true, force: true })
    }
  },
}

export default scenario
