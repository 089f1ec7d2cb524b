import { Hono } from 'hono'
import { townQuery } from '../../shared/contract'
import { residentDb } from '../shards/map'
import { recordAccess } from './access-log'
import type { StaffEnv } from './context'
import { actsFor, forRoles } from './middleware'
import { noticesOf } from './notices'
import { badQuery, notYourTown, parsed, today } from './requests'

/** GET /staff/notices?tenant=T: the town's losses reported and not yet looked at (nurse, desk). */
export const noticeRoutes = new Hono<StaffEnv>().get('/notices', forRoles('nurse', 'desk'), async (c) => {
  const query = parsed(townQuery, c.req.query())
  if (!query.success) return c.text(badQuery, 400)
  const staff = c.get('staff')
  if (!actsFor(staff, query.data.tenant)) return c.text(notYourTown, 403)
  const now = new Date()
  const db = await residentDb(c.env, query.data.tenant)
  const page = await noticesOf(db, query.data.tenant, today(now))
  await recordAccess(
    db,
    staff,
    { tenant: query.data.tenant, action: 'read-notices', count: page.notices.length },
    now,
  )
  return c.json(page)
})
