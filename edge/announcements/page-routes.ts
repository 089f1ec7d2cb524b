import { Hono } from 'hono'
import { announcementTextFor } from '../../shared/compose'
import { recordOpen } from '../channels/opened'
import type { Env } from '../env'
import { residentHeaders } from '../web/guard'
import { linkNotValidPage } from '../web/notice'
import { publicOrigin } from '../web/origin'
import { readAs } from '../web/reader'
import { manageUrl, openAnnouncementDelivery, sentAnnouncement } from './page'
import { announcementGonePage, announcementPage } from './page-html'

/** `/n/{segment}`: an announcement read whole, from the link in its delivery. */
export const announcementPageRoutes = new Hono<{ Bindings: Env }>()
  .use(residentHeaders)
  .get('/:segment', async (c) => {
    const opened = await openAnnouncementDelivery(c.env, c.req.param('segment'))
    if (!opened) return c.html(linkNotValidPage(), 404)
    const sent = await sentAnnouncement(c.env.DB, opened.delivery)
    if (!sent) return c.html(announcementGonePage(), 410)
    const { tenant, announcement } = sent
    readAs(opened.delivery.language, tenant.languages.offered)
    const text = announcementTextFor(announcement, opened.delivery.language, tenant.languages.fallback)
    const japanese = announcement.texts.find((t) => t.language === 'ja')
    await recordOpen(opened.db, opened.delivery.id, new Date())
    return c.html(
      announcementPage({
        tenant,
        announcement,
        text,
        japanese: japanese && japanese.language !== text.language ? japanese : undefined,
        manageUrl: announcement.urgent ? undefined : await manageUrl(c.env, publicOrigin(c), opened),
      }),
    )
  })
