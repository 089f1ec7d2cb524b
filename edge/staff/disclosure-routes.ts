import { Hono } from 'hono'
import { disclosureQuery } from '../../shared/contract'
import { residentDb } from '../shards/map'
import { recordAccess } from './access-log'
import type { StaffEnv } from './context'
import { disclosureOf, rowsDisclosed } from './disclosure'
import { actsFor, forRoles } from './middleware'
import { badQuery, notYourTown, parsed } from './requests'

/**
 * GET /staff/disclosure?tenant=T&subscriber=…|household=…: everything held on one resident or
 * household, as JSON (the privacy officer only). Logged as export-disclosure — the household's
 * opaque id and the number of rows — a lookup that finds no one included.
 */
export const disclosureRoutes = new Hono<StaffEnv>().get(
  '/disclosure',
  forRoles('privacy-officer'),
  async (c) => {
    const query = parsed(disclosureQuery, c.req.query())
    if (!query.success) return c.text(badQuery, 400)
    const staff = c.get('staff')
    if (!actsFor(staff, query.data.tenant)) return c.text(notYourTown, 403)
    const now = new Date()
    const db = await residentDb(c.env, query.data.tenant)
    const found = await disclosureOf(db, query.data, now)
    await recordAccess(
      db,
      staff,
      {
        tenant: query.data.tenant,
        action: 'export-disclosure',
        household: found?.subject.households[0] ?? query.data.household ?? null,
        filter: query.data.subscriber ? 'by=subscriber' : 'by=household',
        count: found ? rowsDisclosed(found) : 0,
        reason: 'disclosure',
      },
      now,
    )
    if (!found) return c.text('この自治体に該当する住民はいません / No such resident in this town', 404)
    return c.json(found)
  },
)
