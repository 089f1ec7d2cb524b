import { Hono } from 'hono'
import type { Env } from '../env'
import { requireLinkSecret } from '../resident/link-tokens'
import { residentHeaders } from '../web/guard'
import { linkNotValidPage } from '../web/notice'
import { publicOrigin } from '../web/origin'
import { messageGonePage, messageHiddenPage, messagePage } from './message-html'
import { composeMessagePage, findPageDelivery, recordClick, recordOpen } from './message-page'

export const messageRoutes = new Hono<{ Bindings: Env }>()
  .use(residentHeaders)
  .get('/:token', async (c) => {
    const token = c.req.param('token')
    const delivery = await findPageDelivery(c.env.DB, token)
    if (!delivery) return c.html(linkNotValidPage(), 404)
    const shown = await composeMessagePage(c.env.DB, delivery, {
      origin: publicOrigin(c),
      linkSecret: requireLinkSecret(c.env.LINK_SECRET),
      token,
    })
    if (!shown) return c.html(messageGonePage(), 410)
    // Not a fault to report: shown gently, and the open is not counted.
    if (shown === 'after-loss') return c.html(messageHiddenPage())
    await recordOpen(c.env.DB, delivery.id, new Date())
    return c.html(messagePage(shown.page))
  })
  // Leads only to a link this very page shows, so it can never be used to send anyone elsewhere.
  .get('/:token/go/:n{[0-9]{1,3}}', async (c) => {
    const token = c.req.param('token')
    const delivery = await findPageDelivery(c.env.DB, token)
    const shown =
      delivery &&
      (await composeMessagePage(c.env.DB, delivery, {
        origin: publicOrigin(c),
        linkSecret: requireLinkSecret(c.env.LINK_SECRET),
        token,
      }))
    const n = Number(c.req.param('n'))
    const target = shown && shown !== 'after-loss' ? shown.targets[n] : undefined
    if (!delivery || !target) return c.html(linkNotValidPage(), 404)
    await recordClick(c.env.DB, delivery.id, n, new Date())
    return c.redirect(target, 302)
  })
