import type { D1Database } from '@cloudflare/workers-types'
import { Hono } from 'hono'
import type { z } from 'zod'
import { localDate } from '../../shared/calendar'
import { consultationsQuery, consultationUpdate, interviewDone, tenantSlug } from '../../shared/contract'
import { residentDb } from '../shards/map'
import { findTenant } from '../snapshot/tenant'
import { recordAccess } from './access-log'
import { consultationOf, consultationsOf, markInterviewDone, updateConsultation } from './consultations'
import type { StaffEnv } from './context'
import { actsFor, forRoles } from './middleware'
import { badQuery, notYourTown, parsed } from './requests'

const notFound = 'この相談は見つかりません / No such consultation in this town'

/** The zod messages of a refused body, already bilingual. */
const problems = (error: z.ZodError) => error.issues.map((i) => i.message).join('; ')

async function jsonBody(c: { req: { json: () => Promise<unknown> } }): Promise<unknown> {
  try {
    return await c.req.json()
  } catch {
    return null
  }
}

/** The town's interpreter line, from its part of the active snapshot (in main). */
const interpreterLineOf = async (main: D1Database, tenant: string) =>
  (await findTenant(main, tenant))?.workspace.interpreterLine ?? null

/**
 * The town's consultation inbox (edge/README.md "Staff API"), for nurses and the desk: the list,
 * a change of status or assignee, and an interview marked done. Mounted under the staff routes,
 * behind their assertion check; every route names its town, reads only that town's shard and
 * writes one access-log row.
 */
export const inboxRoutes = new Hono<StaffEnv>()
  .get('/', forRoles('nurse', 'desk'), async (c) => {
    const query = parsed(consultationsQuery, c.req.query())
    if (!query.success) return c.text(badQuery, 400)
    const staff = c.get('staff')
    if (!actsFor(staff, query.data.tenant)) return c.text(notYourTown, 403)
    const db = await residentDb(c.env, query.data.tenant)
    const page = await consultationsOf(db, query.data, await interpreterLineOf(c.env.DB, query.data.tenant))
    const { status, assignee, source } = query.data
    const filter = [
      status && `status=${status}`,
      assignee && `assignee=${assignee}`,
      source && `source=${source}`,
      query.data.page > 1 && `page=${query.data.page}`,
    ]
      .filter(Boolean)
      .join('&')
    await recordAccess(
      db,
      staff,
      {
        tenant: query.data.tenant,
        action: 'list-consultations',
        filter: filter || null,
        count: page.consultations.length,
        reason: 'consultation',
      },
      new Date(),
    )
    return c.json(page)
  })
  .post('/:id', forRoles('nurse', 'desk'), async (c) => {
    const tenant = parsed(tenantSlug, c.req.query('tenant'))
    const id = c.req.param('id')
    if (!tenant.success || id.length > 64) return c.text(badQuery, 400)
    const staff = c.get('staff')
    if (!actsFor(staff, tenant.data)) return c.text(notYourTown, 403)
    const update = parsed(consultationUpdate, await jsonBody(c))
    if (!update.success) return c.text(problems(update.error), 400)
    const now = new Date()
    const db = await residentDb(c.env, tenant.data)
    const changed = await updateConsultation(db, tenant.data, id, update.data, now)
    const consultation = changed
      ? await consultationOf(db, tenant.data, id, await interpreterLineOf(c.env.DB, tenant.data))
      : null
    const filter = [
      update.data.status && `status=${update.data.status}`,
      update.data.assignee !== undefined && `assignee=${update.data.assignee ?? 'none'}`,
    ]
      .filter(Boolean)
      .join('&')
    await recordAccess(
      db,
      staff,
      {
        tenant: tenant.data,
        action: 'update-consultation',
        household: consultation?.household ?? null,
        filter: `consultation=${id}&${filter}`,
        count: consultation ? 1 : 0,
        reason: 'consultation',
      },
      now,
    )
    if (!consultation) return c.text(notFound, 404)
    return c.json({ consultation })
  })
  .post('/:id/interview', forRoles('nurse', 'desk'), async (c) => {
    const tenant = parsed(tenantSlug, c.req.query('tenant'))
    const id = c.req.param('id')
    if (!tenant.success || id.length > 64) return c.text(badQuery, 400)
    const staff = c.get('staff')
    if (!actsFor(staff, tenant.data)) return c.text(notYourTown, 403)
    const done = parsed(interviewDone, await jsonBody(c))
    if (!done.success) return c.text(problems(done.error), 400)
    const now = new Date()
    if (done.data.doneOn > localDate(now, 'Asia/Tokyo'))
      return c.text('面談の日が未来になっています / The interview date is in the future', 400)
    const db = await residentDb(c.env, tenant.data)
    const marked = await markInterviewDone(db, tenant.data, id, done.data.doneOn, now)
    const consultation = marked
      ? await consultationOf(db, tenant.data, id, await interpreterLineOf(c.env.DB, tenant.data))
      : null
    await recordAccess(
      db,
      staff,
      {
        tenant: tenant.data,
        action: 'mark-interview',
        household: consultation?.household ?? null,
        filter: `consultation=${id}`,
        count: consultation ? 1 : 0,
        reason: 'interview',
      },
      now,
    )
    if (!consultation)
      return c.text('この面談の希望は見つかりません / No such interview request in this town', 404)
    return c.json({ consultation })
  })
