import { Hono } from 'hono'
import type { Env } from '../env'
import { findOutboxMessage, listOutbox } from '../outbox/store'
import { outboxListPage } from '../pages/outbox-list'
import { outboxMessagePage } from '../pages/outbox-message'

// Stored messages show residents' text: the page exists only where OUTBOX_PAGE is "on" (local).
export const outboxRoutes = new Hono<{ Bindings: Env }>()
  .use(async (c, next) => {
    if (c.env.OUTBOX_PAGE !== 'on') return c.notFound()
    await next()
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src https:")
    c.header('Cache-Control', 'no-store')
  })
  .get('/', async (c) => c.html(outboxListPage(await listOutbox(c.env.DB))))
  .get('/:id', async (c) => {
    const message = await findOutboxMessage(c.env.DB, c.req.param('id'))
    if (!message) return c.notFound()
    return c.html(outboxMessagePage(message))
  })
