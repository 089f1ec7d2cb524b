import { Hono } from 'hono'
import { recordOpen } from '../channels/opened'
import type { Env } from '../env'
import { type LinkSecrets, linkSecrets } from '../resident/link-tokens'
import { nursesOf, shownToFamily } from '../resident/nurses'
import { findPageDelivery, type PageDelivery } from '../resident/page-delivery'
import { openLink } from '../shards/links'
import { ensureSettled } from '../shards/map'
import { residentHeaders } from '../web/guard'
import { linkNotValidPage } from '../web/notice'
import { publicOrigin } from '../web/origin'
import { readAs } from '../web/reader'
import { storeStandingLinks } from './links'
import { messageGonePage, messageHiddenPage, messagePage } from './message-html'
import { composeMessagePage, type PageDatabases, recordClick } from './message-page'

/**
 * The delivery a /m/ segment names, in the shard its prefix (or, for a link sent before shards,
 * shard 1) points at; null for a link we never gave out. Its tenant must not be moving: the page
 * writes (opens, clicks).
 */
async function openedDelivery(
  env: Env,
  segment: string,
): Promise<{ where: PageDatabases; delivery: PageDelivery } | null> {
  const link = await openLink(env, segment)
  const delivery = link && (await findPageDelivery(link.db, link.token))
  if (!link || !delivery) return null
  await ensureSettled(env, delivery.tenantSlug)
  return { where: { main: env.DB, db: link.db, shard: link.shard }, delivery }
}

/**
 * The secrets the page's links are built under. While LINK_SECRET is being rotated the page shows
 * the resident's stop and manage links under the new secret: their hashes are stored first, so
 * those links open even if no message has carried them yet.
 */
async function pageSecrets(env: Env, where: PageDatabases, delivery: PageDelivery): Promise<LinkSecrets> {
  const secrets = linkSecrets(env)
  if (secrets.previous)
    await (await storeStandingLinks(where.db, secrets.current, [delivery.subscriberId], new Date())).run()
  return secrets
}

export const messageRoutes = new Hono<{ Bindings: Env }>()
  .use(residentHeaders)
  .get('/:segment', async (c) => {
    const segment = c.req.param('segment')
    const opened = await openedDelivery(c.env, segment)
    if (!opened) return c.html(linkNotValidPage(), 404)
    const shown = await composeMessagePage(opened.where, opened.delivery, {
      origin: publicOrigin(c),
      secrets: await pageSecrets(c.env, opened.where, opened.delivery),
      segment,
    })
    if (!shown) return c.html(messageGonePage(), 410)
    readAs(shown.language, shown.tenant.languages.offered)
    // Not a fault to report: shown gently, and the open is not counted.
    if ('afterLoss' in shown) return c.html(messageHiddenPage())
    await recordOpen(opened.where.db, opened.delivery.id, new Date())
    const nurses = shownToFamily(await nursesOf(opened.where.db, opened.delivery.subscriberId))
    return c.html(messagePage(shown, nurses))
  })
  // Leads only to a link this very page shows, so it can never be used to send anyone elsewhere.
  .get('/:segment/go/:n{[0-9]{1,3}}', async (c) => {
    const segment = c.req.param('segment')
    const opened = await openedDelivery(c.env, segment)
    const shown =
      opened &&
      (await composeMessagePage(opened.where, opened.delivery, {
        origin: publicOrigin(c),
        secrets: await pageSecrets(c.env, opened.where, opened.delivery),
        segment,
      }))
    const n = Number(c.req.param('n'))
    const target = shown && !('afterLoss' in shown) ? shown.targets[n] : undefined
    if (!opened || !target) return c.html(linkNotValidPage(), 404)
    await recordClick(opened.where.db, opened.delivery.id, n, new Date())
    return c.redirect(target, 302)
  })
