import { type Context, Hono } from 'hono'
import { csrf } from 'hono/csrf'
import { sourceLanguage } from '../../shared/languages'
import { realProvidersSend } from '../channels/registry'
import type { Env } from '../env'
import { allShards } from '../shards/databases'
import { type LoadedSnapshot, loadActiveSnapshot } from '../snapshot/read'
import { bi } from '../web/bilingual'
import { noticePage } from '../web/notice'
import { publicOrigin } from '../web/origin'
import { readAs } from '../web/reader'
import { outboxAccess } from './access'
import { dayReport } from './day-report'
import { linePlayForm, lineTowns, playLineFollow } from './line-play'
import { type LinePlayView, linePlayErrors } from './line-play-section'
import { outboxListPage } from './list-page'
import { outboxMessagePage } from './message-page'
import { chosenDay, runDay, todayFor } from './run-now'
import { findOutboxMessage, listOutbox, parseCursor } from './store'
import { townNames } from './towns'

const typed = (value: unknown) => (typeof value === 'string' ? value : undefined)

/**
 * The list page: the newest messages (or an older page), the day form with what a press did, and
 * the LINE play form — with a refused play's input and error in `play`.
 */
async function listPage(
  c: Context<{ Bindings: Env }>,
  snapshot: LoadedSnapshot | null,
  play: Partial<LinePlayView> = {},
) {
  const asked = chosenDay(c.req.query('day'))
  const queued = c.req.query('queued')
  const before = parseCursor(c.req.query('before'))
  const line = c.req.query('line')
  const page = await listOutbox(allShards(c.env), { before })
  return outboxListPage({
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
    linePlay: realProvidersSend(c.env)
      ? undefined
      : {
          towns: lineTowns(snapshot),
          outcome: line === 'linked' || line === 'not-linked' ? line : undefined,
          ...play,
        },
  })
}

// Stored messages show residents' text and links: the page exists only where OUTBOX_PAGE is "on"
// (the local system) and opens only with OUTBOX_KEY (access.ts). Messages are kept in the shard of
// their tenant's residents; the pages show every shard's. They are the operator's, written in
// Japanese with English beneath, whatever language the browser or a resident page chose.
export const outboxRoutes = new Hono<{ Bindings: Env }>()
  .use(async (c, next) => {
    readAs(sourceLanguage, [sourceLanguage])
    await next()
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src https:")
    c.header('Cache-Control', 'no-store')
    c.header('Referrer-Policy', 'no-referrer')
  }, outboxAccess)
  .get('/', async (c) => c.html(await listPage(c, await loadActiveSnapshot(c.env.DB))))
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
  // Local only, like the page, with its key, and never where real providers send: plays what LINE
  // would post when a person follows the town's account and sends the code (line-play.ts).
  .post('/line-play', csrf(), async (c) => {
    if (realProvidersSend(c.env)) return c.notFound()
    const snapshot = await loadActiveSnapshot(c.env.DB)
    const form = await c.req.parseBody()
    const input = { tenant: typed(form.tenant), code: typed(form.code) }
    const parsed = linePlayForm.safeParse(form)
    const town = parsed.success && lineTowns(snapshot).has(parsed.data.tenant)
    if (!parsed.success || !town) {
      const error =
        parsed.success || parsed.error.issues[0]?.path[0] === 'tenant'
          ? linePlayErrors.town
          : linePlayErrors.code
      return c.html(await listPage(c, snapshot, { ...input, error }), 422)
    }
    const linked = await playLineFollow(c.env, parsed.data.tenant, parsed.data.code, publicOrigin(c))
    return c.redirect(`/outbox?line=${linked ? 'linked' : 'not-linked'}#line-play`, 303)
  })
  .get('/:id', async (c) => {
    const message = await findOutboxMessage(allShards(c.env), c.req.param('id'))
    if (!message) return c.notFound()
    return c.html(outboxMessagePage(message, townNames(await loadActiveSnapshot(c.env.DB))))
  })
