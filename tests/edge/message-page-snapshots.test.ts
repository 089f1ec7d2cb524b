import { env, exports } from 'cloudflare:workers'
import { beforeEach, describe, expect, it } from 'vitest'
import { activateManifest, readActiveManifest } from '../../edge/snapshot/active'
import { loadSnapshot } from '../../edge/snapshot/read'
import { countingAdapter, deliverAll, deps, outbox } from './support/consumer'
import { messagePath, site } from './support/delivered-mail'
import { emptyDeliveryTables, insertExpecting, publishRevision, storeFixture } from './support/delivery'

// The Worker keeps loaded snapshots across requests (edge/snapshot/read.ts). A page is composed
// from the manifest its delivery was sent under: a publish or a rollback must show in the next
// page composed under the new manifest at once, never change a page already sent, and a manifest
// pruned and recorded again under the same id must never be served from the old copy.

const original = '<bdi>はな</bdi>さん、今日で妊娠28週0日です。'
const get = (path: string) => exports.default.fetch(`${site}${path}`, { redirect: 'manual' })
const mainOf = async (path: string) => {
  const response = await get(path)
  const body = await response.text()
  return { status: response.status, text: body.slice(body.indexOf('<main>'), body.indexOf('</main>')) }
}

/** Sends 2026-11-23's message to a new resident under the manifest active now; their page's path. */
async function deliveredUnderActive(id: string): Promise<string> {
  await insertExpecting(id)
  const manifestId = (await readActiveManifest(env.DB))!.manifestId
  const snapshot = (await loadSnapshot(env.DB, manifestId))!
  await deliverAll(deps(snapshot, countingAdapter(outbox())), [
    { tenant: 'sakura-city', localDate: '2026-11-23', manifestId, subscriberIds: [id] },
  ])
  return messagePath(id)
}

beforeEach(emptyDeliveryTables)

describe('message pages across publishes and rollbacks', () => {
  it('show the new text after a publish and the old after a rollback at once; a page already sent keeps its text', async () => {
    await storeFixture()
    const before = await deliveredUnderActive('sub-before')
    expect((await mainOf(before)).text).toContain(original)

    await publishRevision('page-rev-2', '改訂版のお便りです。')
    const published = await deliveredUnderActive('sub-published')
    const afterPublish = await mainOf(published)
    expect(afterPublish.status).toBe(200)
    expect(afterPublish.text).toContain('改訂版のお便りです。')
    expect(afterPublish.text).not.toContain(original)
    expect((await mainOf(before)).text).toContain(original)

    const rolledBack = await activateManifest(
      env.DB,
      'fixture-0001',
      new Date('2026-11-23T00:02:00Z'),
      undefined,
      {
        action: 'rollback',
      },
    )
    expect(rolledBack.activated).toBe(true)
    const afterRollback = await mainOf(await deliveredUnderActive('sub-rolled-back'))
    expect(afterRollback.text).toContain(original)
    expect(afterRollback.text).not.toContain('改訂版')
    expect((await mainOf(published)).text).toContain('改訂版のお便りです。')
  })

  it('answer 410 once their manifest is pruned, and a manifest recorded again under the same id shows its own text', async () => {
    await storeFixture()
    await publishRevision('page-rev-2', '改訂版のお便りです。')
    const page = await deliveredUnderActive('sub-pruned')
    expect((await mainOf(page)).text).toContain('改訂版のお便りです。')

    // Pruned as the cron prunes: a manifest no longer active.
    await activateManifest(env.DB, 'fixture-0001', new Date('2026-11-23T00:02:00Z'))
    await env.DB.prepare(`DELETE FROM manifests WHERE id = 'page-rev-2'`).run()
    expect((await get(page)).status).toBe(410)

    // Recorded again later (a manifest is only recorded when it is received).
    await publishRevision('page-rev-2', '三版目のお便りです。', new Date('2026-11-23T00:03:00Z'))
    const again = await mainOf(page)
    expect(again.status).toBe(200)
    expect(again.text).toContain('三版目のお便りです。')
    expect(again.text).not.toContain('改訂版')
  })

  it('never serve the old copy of a manifest pruned and recorded again with other content at the very same times', async () => {
    await storeFixture()
    const at = new Date('2026-11-23T00:01:00Z')
    await publishRevision('page-rev-same', '改訂版のお便りです。', at)
    const page = await deliveredUnderActive('sub-same-times')
    expect((await mainOf(page)).text).toContain('改訂版のお便りです。')

    await activateManifest(env.DB, 'fixture-0001', new Date('2026-11-23T00:02:00Z'))
    await env.DB.prepare(`DELETE FROM manifests WHERE id = 'page-rev-same'`).run()
    // Same id, same creation time, received at the same instant: only the content differs.
    await publishRevision('page-rev-same', '三版目のお便りです。', at)
    const again = await mainOf(page)
    expect(again.text).toContain('三版目のお便りです。')
    expect(again.text).not.toContain('改訂版')
    const loaded = await loadSnapshot(env.DB, 'page-rev-same')
    expect(JSON.stringify(loaded?.national.messages)).toContain('三版目のお便りです。')
  })
})
