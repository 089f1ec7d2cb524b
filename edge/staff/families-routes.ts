import { Hono } from 'hono'
import {
  assignBody,
  familiesExportQuery,
  familiesFilter,
  householdQuery,
  referenceBody,
} from '../../shared/contract'
import { residentDb } from '../shards/map'
import { recordAccess } from './access-log'
import { assignNurse, nurseLoadOf } from './assignment'
import type { StaffEnv } from './context'
import { exportFamilies } from './export'
import { familiesOf } from './families'
import { filterCodes } from './families-filter'
import { actsFor, forRoles } from './middleware'
import { setReference } from './references'
import { badInput, noHousehold, notYourTown, today } from './requests'

async function jsonBody(request: Request): Promise<unknown> {
  try {
    return await request.json()
  } catch {
    return undefined
  }
}

/**
 * The families list, its export, the town's references and the nurse assignment (issue 15, items
 * 1–2). Mounted under the staff routes, after the assertion is checked; nurse and desk only.
 */
export const familiesRoutes = new Hono<StaffEnv>()
  .get('/families', forRoles('nurse', 'desk'), async (c) => {
    const query = familiesFilter.safeParse(c.req.query())
    if (!query.success) return c.text(badInput(query.error), 400)
    const staff = c.get('staff')
    if (!actsFor(staff, query.data.tenant)) return c.text(notYourTown, 403)
    const now = new Date()
    const db = await residentDb(c.env, query.data.tenant)
    const page = await familiesOf(db, query.data, staff.sub, today(now))
    await recordAccess(
      db,
      staff,
      {
        tenant: query.data.tenant,
        action: 'list-families',
        filter: filterCodes(query.data),
        count: page.families.length,
        reason: query.data.reason,
      },
      now,
    )
    return c.json(page)
  })
  .get('/families/export', forRoles('nurse', 'desk'), async (c) => {
    const query = familiesExportQuery.safeParse(c.req.query())
    if (!query.success)
      return c.text(
        query.error.issues.some((i) => i.path[0] === 'reason')
          ? '書き出しの理由を選んでください / Choose a reason for the export'
          : badInput(query.error),
        400,
      )
    const staff = c.get('staff')
    if (!actsFor(staff, query.data.tenant)) return c.text(notYourTown, 403)
    const now = new Date()
    const db = await residentDb(c.env, query.data.tenant)
    const { csv, count } = await exportFamilies(db, query.data, staff.sub, today(now))
    await recordAccess(
      db,
      staff,
      {
        tenant: query.data.tenant,
        action: 'export-families',
        filter: filterCodes(query.data),
        count,
        reason: query.data.reason,
      },
      now,
    )
    return c.body(csv, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="families-${query.data.tenant}-${today(now)}.csv"`,
      'cache-control': 'no-store',
    })
  })
  .post('/families/assign', forRoles('nurse', 'desk'), async (c) => {
    const query = householdQuery.safeParse(c.req.query())
    if (!query.success) return c.text(badInput(query.error), 400)
    const body = assignBody.safeParse(await jsonBody(c.req.raw))
    if (!body.success) return c.text(badInput(body.error), 400)
    const staff = c.get('staff')
    if (!actsFor(staff, query.data.tenant)) return c.text(notYourTown, 403)
    const now = new Date()
    const db = await residentDb(c.env, query.data.tenant)
    const outcome = await assignNurse(db, {
      tenant: query.data.tenant,
      body: body.data,
      staffUser: staff.sub,
      now,
    })
    if (!outcome.ok)
      return c.text(
        `${outcome.missing}世帯が見つかりません。だれも割り当てていません / ${outcome.missing} households not found in this town; nobody was assigned`,
        404,
      )
    for (const household of outcome.assigned)
      await recordAccess(
        db,
        staff,
        { tenant: query.data.tenant, action: 'assign-nurse', household, count: 1, reason: query.data.reason },
        now,
      )
    return c.json({ assigned: outcome.assigned.length, changed: outcome.changed })
  })
  .post('/families/:household/reference', forRoles('nurse', 'desk'), async (c) => {
    const query = householdQuery.safeParse(c.req.query())
    const household = c.req.param('household')
    if (!query.success) return c.text(badInput(query.error), 400)
    if (household.length > 64) return c.text(noHousehold, 404)
    const body = referenceBody.safeParse(await jsonBody(c.req.raw))
    if (!body.success) return c.text(badInput(body.error), 400)
    const staff = c.get('staff')
    if (!actsFor(staff, query.data.tenant)) return c.text(notYourTown, 403)
    const now = new Date()
    const db = await residentDb(c.env, query.data.tenant)
    const outcome = await setReference(db, {
      tenant: query.data.tenant,
      household,
      reference: body.data.reference,
      staffUser: staff.sub,
      now,
    })
    if (outcome === 'no-household') return c.text(noHousehold, 404)
    if (outcome === 'taken')
      return c.text(
        'この番号はすでに別の世帯に付いています / This reference is already on another household of the town',
        409,
      )
    await recordAccess(
      db,
      staff,
      { tenant: query.data.tenant, action: 'set-reference', household, count: 1, reason: query.data.reason },
      now,
    )
    return c.json({ reference: body.data.reference })
  })
  .get('/nurses/load', forRoles('nurse', 'desk'), async (c) => {
    const query = householdQuery.safeParse(c.req.query())
    if (!query.success) return c.text(badInput(query.error), 400)
    const staff = c.get('staff')
    if (!actsFor(staff, query.data.tenant)) return c.text(notYourTown, 403)
    const db = await residentDb(c.env, query.data.tenant)
    const load = await nurseLoadOf(db, query.data.tenant)
    await recordAccess(
      db,
      staff,
      { tenant: query.data.tenant, action: 'read-nurse-load', count: load.nurses.length },
      new Date(),
    )
    return c.json(load)
  })
