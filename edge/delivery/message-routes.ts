import { Hono } from 'hono'
import { recordOpen } from '../channels/opened'
import type { Env } from '../env'
import { type LinkSecrets, linkSecrets } from '../resident/link-tokens'
import { shownToFamily } from '../resident/nurses'
import { placementStatement, TenantMoving } from '../shards/map'
import { type LoadedSnapshot, manifestStamp, snapshotAt } from '../snapshot/read'
import { residentHeaders } from '../web/guard'
import { linkNotValidPage } from '../web/notice'
import { publicOrigin } from '../web/origin'
import { readAs } from '../web/reader'
import { storeStandingLinks } from './links'
import { messageGonePage, messageHiddenPage, messagePage } from './message-html'
import { composeMessagePage, recordClick } from './message-page'
import { type PageRecord, readPageRecord } from './page-record'

/**
 * The page a /m/ segment names (page-record.ts) and the snapshot its delivery was composed from
 * (null once that manifest is gone); null for a link we never gave out. Its tenant must not be
 * moving: the page writes (opens, clicks). One batch in the shard, one in the main database, and
 * the snapshot from the isolate's copy when the manifest is unchanged (snapshot/read.ts).
 */
async function openedPage(
  env: Env,
  segment: string,
): Promise<{ record: PageRecord; snapshot: LoadedSnapshot | null } | null> {
  const record = await readPageRecord(env, segment)
  if (!record) return null
  const { tenantSlug, manifestId } = record.delivery
  const [placement, stamp] = await env.DB.batch<{ movingTo: number | null } | { stamp: string }>([
    placementStatement(env.DB, tenantSlug),
    manifestStamp(env.DB, manifestId ?? ''),
  ])
  if ((placement?.results[0] as { movingTo: number | null } | undefined)?.movingTo != null)
    throw new TenantMoving(tenantSlug)
  const at = (stamp?.results[0] as { stamp: string } | undefined)?.stamp
  const snapshot = manifestId && at ? await snapshotAt(env.DB, manifestId, at) : null
  return { record, snapshot }
}

/**
 * The secrets the page's links are built under. While LINK_SECRET is being rotated the page shows
 * the resident's stop and manage links under the new secret: their hashes are stored first, so
 * those links open even if no message has carried them yet.
 */
async function pageSecrets(env: Env, record: PageRecord): Promise<LinkSecrets> {
  const secrets = linkSecrets(env)
  if (secrets.previous)
    await (
      await storeStandingLinks(record.db, secrets.current, [record.delivery.subscriberId], new Date())
    ).run()
  return secrets
}

export const messageRoutes = new Hono<{ Bindings: Env }>()
  .use(residentHeaders)
  .get('/:segment', async (c) => {
    const segment = c.req.param('segment')
    const opened = await openedPage(c.env, segment)
    if (!opened) return c.html(linkNotValidPage(), 404)
    const { record, snapshot } = opened
    const shown = await composeMessagePage(record, snapshot, {
      origin: publicOrigin(c),
      secrets: await pageSecrets(c.env, record),
      segment,
    })
    if (!shown) return c.html(messageGonePage(), 410)
    readAs(shown.language, shown.tenant.languages.offered)
    // Not a fault to report: shown gently, and the open is not counted.
    if ('afterLoss' in shown) return c.html(messageHiddenPage())
    await recordOpen(record.db, record.delivery.id, new Date())
    return c.html(messagePage(shown, shownToFamily(record.nurses)))
  })
  // Leads only to a link this very page shows, so it can never be used to send anyone elsewhere.
  .get('/:segment/go/:n{[0-9]{1,3}}', async (c) => {
    const segment = c.req.param('segment')
    const opened = await openedPage(c.env, segment)
    const shown =
      opened &&
      (await composeMessagePage(opened.record, opened.snapshot, {
        origin: publicOrigin(c),
        secrets: await pageSecrets(c.env, opened.record),
        segment,
      }))
    const n = Number(c.req.param('n'))
    const target = shown && !('afterLoss' in shown) ? shown.targets[n] : undefined
    if (!opened || !target) return c.html(linkNotValidPage(), 404)
    await recordClick(opened.record.db, opened.record.delivery.id, n, new Date())
    return c.redirect(target, 302)
  })
