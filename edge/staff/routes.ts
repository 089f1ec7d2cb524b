import { Hono } from 'hono'
import { accessLogQuery, householdGuideQuery, householdQuery } from '../../shared/contract'
import { residentDb } from '../shards/map'
import { loadActiveSnapshot } from '../snapshot/read'
import { readAccessLog, recordAccess } from './access-log'
import { accessLogExportRoutes } from './access-log-export-routes'
import { announcementRoutes } from './announcement-routes'
import type { StaffEnv } from './context'
import { counterRoutes } from './counter-routes'
import { disclosureRoutes } from './disclosure-routes'
import { familiesRoutes } from './families-routes'
import { guideOf } from './guide'
import { householdOf } from './household'
import { householdAccessLog } from './household-log'
import { townContent } from './household-wording'
import { inboxRoutes } from './inbox-routes'
import { staffMessageRoutes } from './message-routes'
import { actsFor, forRoles, staffAssertion } from './middleware'
import { noticeRoutes } from './notices-routes'
import { badQuery, noHousehold, notYourTown, parsed, timeZone, today } from './requests'
import { taskRoutes } from './task-routes'

/**
 * The staff API (edge/README.md "Staff API"): every route checks the CMS's assertion, then that the
 * town asked for is one it names, reads only that town's shard, and writes one access-log row
 * before it answers.
 */
export const staffRoutes = new Hono<StaffEnv>()
  .use('*', staffAssertion)
  // Before /families/:household, so /families/export and /families/assign are theirs.
  .route('/', familiesRoutes)
  .route('/', noticeRoutes)
  .route('/', counterRoutes)
  .route('/', disclosureRoutes)
  .route('/', accessLogExportRoutes)
  .route('/', announcementRoutes)
  .route('/', taskRoutes)
  .get('/families/:household', forRoles('nurse', 'desk'), async (c) => {
    const query = parsed(householdQuery, c.req.query())
    const household = c.req.param('household')
    if (!query.success || household.length > 64) return c.text(badQuery, 400)
    const staff = c.get('staff')
    if (!actsFor(staff, query.data.tenant)) return c.text(notYourTown, 403)
    const now = new Date()
    const { tenant, reason } = query.data
    const db = await residentDb(c.env, tenant)
    const content = townContent(await loadActiveSnapshot(c.env.DB), tenant)
    const record = await householdOf(db, content, tenant, household, today(now))
    await recordAccess(
      db,
      staff,
      { tenant, action: 'read-household', household, count: record ? 1 : 0, reason },
      now,
    )
    if (!record) return c.text(noHousehold, 404)
    return c.json({ ...record, accessLog: await householdAccessLog(db, tenant, household) })
  })
  .get('/families/:household/guide', forRoles('nurse', 'desk'), async (c) => {
    const query = parsed(householdGuideQuery, c.req.query())
    const household = c.req.param('household')
    if (!query.success || household.length > 64) return c.text(badQuery, 400)
    const staff = c.get('staff')
    if (!actsFor(staff, query.data.tenant)) return c.text(notYourTown, 403)
    const now = new Date()
    const { tenant, reason } = query.data
    const db = await residentDb(c.env, tenant)
    const content = townContent(await loadActiveSnapshot(c.env.DB), tenant)
    const guide = await guideOf(db, content, tenant, household, today(now), timeZone)
    await recordAccess(
      db,
      staff,
      { tenant, action: 'read-household', household, count: guide ? 1 : 0, reason },
      now,
    )
    if (!guide) return c.text(noHousehold, 404)
    return c.json(guide)
  })
  .route('/', staffMessageRoutes)
  .get('/access-log', forRoles('privacy-officer'), async (c) => {
    const query = parsed(accessLogQuery, c.req.query())
    if (!query.success) return c.text(badQuery, 400)
    const staff = c.get('staff')
    if (!actsFor(staff, query.data.tenant)) return c.text(notYourTown, 403)
    const db = await residentDb(c.env, query.data.tenant)
    const page = await readAccessLog(db, query.data.tenant, query.data)
    await recordAccess(
      db,
      staff,
      { tenant: query.data.tenant, action: 'read-access-log', count: page.entries.length },
      new Date(),
    )
    return c.json(page)
  })
  .route('/consultations', inboxRoutes)
