import { Hono } from 'hono'
import { csrf } from 'hono/csrf'
import type { Env } from '../env'
import { allShards } from '../shards/databases'
import { loadActiveSnapshot } from '../snapshot/read'
import { bi } from '../web/bilingual'
import { noticePage } from '../web/notice'
import { outboxAccess } from './access'
import { dayReport } from './day-report'
import { outboxListPage } from './list-page'
import { outboxMessagePage } from './message-page'
import { chosenDay, runDay, todayFor } from './run-now'
import { findOutboxMessage, listOutbox, parseCursor } from './store'
import { townNames } from './towns'

// Stored messages show residents' text and links: the page exists only where OUTBOX_PAGE is "on"
// (the local system) and opens only with OUTBOX_KEY (access.ts). Messages are kept in the shard of
// their tenant's residents; the pages show every shard's.
export const outboxRoutes = new Hono<{ Bindings: Env }>()
  .use(async (c, next) => {
    await next()
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src https:")
    c.header('Cache-Control', 'no-store')
    c.header('Referrer-Policy', 'no-referrer')
  }, outboxAccess)
  .get('/', async (c) => {
    const snapshot = await loadActiveSnapshot(c.env.DB)
    const asked = chosenDay(c.req.query('day'))
    const queued = c.req.query('queued')
    const before = parseCursor(c.req.query('before'))
    const page = await listOutbox(allShards(c.env), { before })
    return c.html(
      outboxListPage({
        ...page,
        towns: townNames(snapshot),
        paged: before !== undefined,
        day: asked ?? todayFor(snapshot, new Date()),
        outcome: asked
          ? {
              day: asked,
              queued: queued !== undefined && /^\d+$/.test(queued) ? Number(queued) : undefined,
              towns: snapshot ? await dayReport(c.env, snapshot, asked) : null,
            }
          : undefined,
      }),
    )
  })
  // Local only, like the page, and with its key: run the chosen day now instead of waiting for
  // each send time. csrf() still refuses a press from another site.
  .post('/run-now', csrf(), async (c) => {
    const snapshot = await loadActiveSnapshot(c.env.DB)
    const form = await c.req.parseBody()
    const day = form.day === undefined ? todayFor(snapshot, new Date()) : chosenDay(form.day)
    if (!day)
      return c.html(
        noticePage(
          { ja: '日付が正しくありません', en: 'The date is not valid' },
          bi('実在する日付を選んでください。', 'Choose a date that exists.'),
        ),
        400,
      )
    if (!snapshot) return c.redirect(`/outbox?day=${day}`, 303)
    const queued = await runDay(c.env, snapshot, day, new Date())
    return c.redirect(`/outbox?day=${day}&queued=${queued}`, 303)
  })
  .get('/:id', async (c) => {
    const message = await findOutboxMessage(allShards(c.env), c.req.param('id'))
    if (!message) return c.notFound()
    return c.html(outboxMessagePage(message, townNames(await loadActiveSnapshot(c.env.DB))))
  })
