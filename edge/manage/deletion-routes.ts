import { Hono } from 'hono'
import type { Env } from '../env'
import { openLink } from '../shards/links'
import { ensureSettled } from '../shards/map'
import { findTenant } from '../snapshot/tenant'
import { bi } from '../web/bilingual'
import { residentHeaders, sameOriginForms } from '../web/guard'
import { noticePage } from '../web/notice'
import { readAs } from '../web/reader'
import { type Ctx, deadLink } from '../web/request'
import { deleteResidentData } from './actions'
import { deleteLater, findDeletion, undoWindowEnd } from './deletion'
import { deletionPutOffPage } from './deletion-pages'
import { confirmDeletionPage } from './stop-page'

/** The open deletion a /d/ link names, in the shard its prefix names (TenantMoving while it moves). */
async function opened(c: Ctx, now: Date) {
  const link = await openLink(c.env, c.req.param('segment') ?? '')
  const request = link && (await findDeletion(link.db, link.token, now))
  const tenant = request && (await findTenant(c.env.DB, request.tenantSlug))
  if (!link || !request || !tenant) return null
  readAs(request.language, tenant.languages.offered)
  await ensureSettled(c.env, tenant.slug)
  return { db: link.db, request, tenant }
}

/** "Delete my data", confirmed from the link sent to the current address (/d/{shard}{token}, 7 days). */
export const deletionRoutes = new Hono<{ Bindings: Env }>()
  .use(residentHeaders, sameOriginForms)
  .get('/:segment', async (c) => {
    if (!(await opened(c, new Date()))) return deadLink(c)
    return c.html(confirmDeletionPage(c.req.param('segment')))
  })
  .post('/:segment', async (c) => {
    const now = new Date()
    const o = await opened(c, now)
    if (!o) return deadLink(c)
    const until = await undoWindowEnd(o.db, o.request.subscriberId, now)
    if (until) {
      await deleteLater(o.db, o.request.subscriberId, until)
      return c.html(deletionPutOffPage(until))
    }
    await deleteResidentData(o.db, o.request.subscriberId, o.tenant, now)
    return c.html(
      noticePage(
        { ja: '削除しました', en: 'Your data is deleted' },
        bi(
          'ご登録のデータを削除しました。これまでありがとうございました。',
          'We deleted the data you registered. Thank you for being with us.',
        ),
      ),
    )
  })
