import { Hono } from 'hono'
import { csrf } from 'hono/csrf'
import { runTick } from '../delivery/tick'
import type { Env } from '../env'
import { loadActiveSnapshot } from '../snapshot/read'
import { outboxAccess } from './access'
import { outboxListPage } from './list-page'
import { outboxMessagePage } from './message-page'
import { sendingNow } from './run-now'
import { findOutboxMessage, listOutbox } from './store'

// Stored messages show residents' text and links: the page exists only where OUTBOX_PAGE is "on"
// (the local system) and opens only with OUTBOX_KEY (access.ts).
export const outboxRoutes = new Hono<{ Bindings: Env }>()
  .use(async (c, next) => {
    await next()
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src https:")
    c.header('Cache-Control', 'no-store')
    c.header('Referrer-Policy', 'no-referrer')
  }, outboxAccess)
  .get('/', async (c) => {
    const ran = c.req.query('ran')
    return c.html(outboxListPage(await listOutbox(c.env.DB), ran === undefined ? undefined : Number(ran)))
  })
  // Local only, like the page, and with its key: start today's runs now instead of waiting for
  // each send time. csrf() still refuses a press from another site.
  .post('/run-now', csrf(), async (c) => {
    const snapshot = await loadActiveSnapshot(c.env.DB)
    if (!snapshot) return c.redirect('/outbox?ran=-1', 303)
    const reports = await runTick({
      db: c.env.DB,
      queue: c.env.DELIVERY_QUEUE,
      snapshot: sendingNow(snapshot),
      now: new Date(),
      reschedule: c.env.RESCHEDULE_QUEUE,
    })
    return c.redirect(`/outbox?ran=${reports.reduce((n, r) => n + r.subscribers, 0)}`, 303)
  })
  .get('/:id', async (c) => {
    const message = await findOutboxMessage(c.env.DB, c.req.param('id'))
    if (!message) return c.notFound()
    return c.html(outboxMessagePage(message))
  })
