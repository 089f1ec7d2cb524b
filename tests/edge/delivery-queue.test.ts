import { createScheduledController } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { expect, it } from 'vitest'
import worker from '../../edge/index'
import { emptyDeliveryTables, insertExpecting, rows, storeFixture } from './support/delivery'

// The Worker here has no PUBLIC_ORIGIN, so links would be relative: composition refuses them
// and the delivery is flagged for a person with the reason — loud, never a silent skip.
it('goes end to end through the real local queue: enqueued once, consumed once, a misconfigured origin flagged', async () => {
  await emptyDeliveryTables()
  await storeFixture()
  await insertExpecting('sub-queue')
  const tick = (at: string) =>
    worker.scheduled(createScheduledController({ cron: '*/5 * * * *', scheduledTime: Date.parse(at) }), env)
  await tick('2026-11-23T00:05:00Z')
  await tick('2026-11-23T00:10:00Z')

  const deadline = Date.now() + 20_000
  let done: { state: string; error: string }[] = []
  while (Date.now() < deadline) {
    done = await rows("SELECT state, error FROM deliveries WHERE state <> 'sending'")
    if (done.length > 0) break
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  expect(done).toHaveLength(1)
  expect(done[0]!.state).toBe('flagged')
  expect(done[0]!.error).toMatch(/^needs-review: compose: .*https/)
  expect(
    await rows('SELECT enqueued, batches, flagged FROM tenant_runs WHERE tenant_slug = ?1', 'sakura-city'),
  ).toEqual([{ enqueued: 1, batches: 1, flagged: 1 }])
  expect(await rows('SELECT next_send_on FROM subscribers')).toEqual([{ next_send_on: '2026-11-24' }])
}, 30_000)
