import { Hono } from 'hono'
import type { z } from 'zod'
import { localDate } from '../../shared/calendar'
import { accessLogQuery, householdQuery } from '../../shared/contract'
import { residentDb } from '../shards/map'
import { readAccessLog, recordAccess } from './access-log'
import type { StaffEnv } from './context'
import { familiesRoutes } from './families-routes'
import { householdOf } from './household'
import { actsFor, forRoles, staffAssertion } from './middleware'

// Stage labels count in Japan's calendar day; the towns are all in Asia/Tokyo today.
const today = (now: Date) => localDate(now, 'Asia/Tokyo')

const notYourTown = '担当外の自治体です / You do not act for this town'

function parsed<T extends z.ZodType>(schema: T, query: Record<string, string>) {
  return schema.safeParse(query) as z.ZodSafeParseResult<z.infer<T>>
}

const badQuery = '検索条件が正しくありません / The query is not valid'

/**
 * The staff API (edge/README.md "Staff API"): every route checks the CMS's assertion, then that the
 * town asked for is one it names, reads only that town's shard, and writes one access-log row
 * before it answers.
 */
export const staffRoutes = new Hono<StaffEnv>()
  .use('*', staffAssertion)
  // Before /families/:household, so /families/export and /families/assign are theirs.
  .route('/', familiesRoutes)
  .get('/families/:household', forRoles('nurse', 'desk'), async (c) => {
    const query = parsed(householdQuery, c.req.query())
    const household = c.req.param('household')
    if (!query.success || household.length > 64) return c.text(badQuery, 400)
    const staff = c.get('staff')
    if (!actsFor(staff, query.data.tenant)) return c.text(notYourTown, 403)
    const now = new Date()
    const db = await residentDb(c.env, query.data.tenant)
    const record = await householdOf(db, query.data.tenant, household, today(now))
    await recordAccess(
      db,
      staff,
      {
        tenant: query.data.tenant,
        action: 'read-household',
        household,
        count: record ? 1 : 0,
        reason: query.data.reason,
      },
      now,
    )
    if (!record) return c.text('この世帯は見つかりません / No such household in this town', 404)
    return c.json(record)
  })
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
