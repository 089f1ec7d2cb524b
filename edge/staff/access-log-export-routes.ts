import { Hono } from 'hono'
import { townQuery } from '../../shared/contract'
import { residentDb } from '../shards/map'
import { recordAccess } from './access-log'
import { accessLogCsv } from './access-log-export'
import type { StaffEnv } from './context'
import { actsFor, forRoles } from './middleware'
import { badQuery, notYourTown, parsed } from './requests'

/** GET /staff/access-log/export?tenant=T: the town's access log as CSV (the privacy officer), logged. */
export const accessLogExportRoutes = new Hono<StaffEnv>().get(
  '/access-log/export',
  forRoles('privacy-officer'),
  async (c) => {
    const query = parsed(townQuery, c.req.query())
    if (!query.success) return c.text(badQuery, 400)
    const staff = c.get('staff')
    const { tenant } = query.data
    if (!actsFor(staff, tenant)) return c.text(notYourTown, 403)
    const now = new Date()
    const db = await residentDb(c.env, tenant)
    const { csv, count } = await accessLogCsv(db, tenant)
    await recordAccess(db, staff, { tenant, action: 'export-access-log', count }, now)
    return c.body(csv, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="access-log-${tenant}-${now.toISOString().slice(0, 10)}.csv"`,
      'cache-control': 'no-store',
    })
  },
)
