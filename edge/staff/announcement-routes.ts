import type { D1Database } from '@cloudflare/workers-types'
import { type Context, Hono } from 'hono'
import { localDate } from '../../shared/calendar'
import { programOf } from '../../shared/compose'
import {
  type Announcement,
  announcementCancelRequest,
  announcementPreviewRequest,
  type StaffAction,
  type StaffAssertionClaims,
  type TenantPart,
  townQuery,
} from '../../shared/contract'
import { standardProgram } from '../../shared/program'
import { cancelAnnouncement } from '../announcements/cancel'
import { previewAnnouncement } from '../announcements/preview'
import { announcementStatuses } from '../announcements/status'
import { residentDb } from '../shards/map'
import { loadActiveSnapshot } from '../snapshot/read'
import { recordAccess } from './access-log'
import type { StaffEnv } from './context'
import { actsFor, forRoles } from './middleware'
import { badInput, badQuery, notYourTown, parsed, timeZone } from './requests'

const noAnnouncement = 'このお知らせは見つかりません / No such announcement in this town'
const alreadySent =
  'このお知らせは送信を終えているため取り消せません / This announcement has been sent; it can no longer be cancelled'

/** The town's part of the active snapshot: its program, time zone and published announcements. */
async function townPart(env: StaffEnv['Bindings'], tenant: string): Promise<TenantPart | undefined> {
  return (await loadActiveSnapshot(env.DB))?.tenants.get(tenant)
}

// Parts stored before announcements existed have none.
const publishedOf = (part: TenantPart | undefined): Announcement[] => part?.announcements ?? []

async function log(
  db: D1Database,
  staff: StaffAssertionClaims,
  entry: { tenant: string; action: StaffAction; count: number; id?: string },
  now: Date,
) {
  const filter = entry.id ? `announcement=${entry.id}` : null
  await recordAccess(
    db,
    staff,
    { tenant: entry.tenant, action: entry.action, filter, count: entry.count },
    now,
  )
}

/** The town the query names, when the staff member acts for it; otherwise the refusal to answer with. */
function townOf(c: Context<StaffEnv>): { tenant: string; staff: StaffAssertionClaims } | Response {
  const query = parsed(townQuery, c.req.query())
  if (!query.success) return c.text(badQuery, 400)
  const staff = c.get('staff')
  if (!actsFor(staff, query.data.tenant)) return c.text(notYourTown, 403)
  return { tenant: query.data.tenant, staff }
}

/**
 * The town's announcements as staff follow them (issue 17; shapes in
 * shared/contract/staff-announcements.ts): who one would reach, where each stands, and a cancel.
 * Counts and states only, never a resident. Nurse and desk of the town; one access-log row each.
 */
export const announcementRoutes = new Hono<StaffEnv>()
  .post('/announcements/preview', forRoles('nurse', 'desk'), async (c) => {
    const town = townOf(c)
    if (town instanceof Response) return town
    const { tenant, staff } = town
    const request = parsed(announcementPreviewRequest, await c.req.json().catch(() => undefined))
    if (!request.success) return c.text(badInput(request.error), 400)
    const now = new Date()
    const part = await townPart(c.env, tenant)
    const db = await residentDb(c.env, tenant)
    const preview = await previewAnnouncement(db, {
      tenant,
      announcement: request.data,
      date: localDate(now, part?.tenant.timeZone ?? timeZone),
      program: part ? programOf(part.tenant) : standardProgram,
    })
    await log(db, staff, { tenant, action: 'preview-announcement', count: preview.total }, now)
    return c.json(preview)
  })
  .get('/announcements', forRoles('nurse', 'desk'), async (c) => {
    const town = townOf(c)
    if (town instanceof Response) return town
    const { tenant, staff } = town
    const db = await residentDb(c.env, tenant)
    const published = publishedOf(await townPart(c.env, tenant))
    const statuses = await announcementStatuses(db, { tenant, published })
    await log(db, staff, { tenant, action: 'read-announcements', count: statuses.length }, new Date())
    return c.json(statuses)
  })
  .get('/announcements/:id', forRoles('nurse', 'desk'), async (c) => {
    const town = townOf(c)
    if (town instanceof Response) return town
    const { tenant, staff } = town
    const id = c.req.param('id')
    if (id.length > 64) return c.text(noAnnouncement, 404)
    const db = await residentDb(c.env, tenant)
    const published = publishedOf(await townPart(c.env, tenant))
    const [status] = await announcementStatuses(db, { tenant, published, only: id })
    await log(db, staff, { tenant, action: 'read-announcements', count: status ? 1 : 0, id }, new Date())
    return status ? c.json(status) : c.text(noAnnouncement, 404)
  })
  .post('/announcements/:id/cancel', forRoles('nurse', 'desk'), async (c) => {
    const town = townOf(c)
    if (town instanceof Response) return town
    const { tenant, staff } = town
    const id = c.req.param('id')
    if (id.length > 64) return c.text(noAnnouncement, 404)
    // No body is a cancel without a reason; the reason is not kept (it is free text).
    const text = await c.req.text()
    const request = parsed(announcementCancelRequest, text.trim() === '' ? {} : safeJson(text))
    if (!request.success) return c.text(badInput(request.error), 400)
    const now = new Date()
    const db = await residentDb(c.env, tenant)
    const published = publishedOf(await townPart(c.env, tenant))
    const outcome = await cancelAnnouncement(db, {
      tenant,
      id,
      published: published.find((a) => a.id === id),
      staffUser: staff.sub,
      now,
    })
    await log(
      db,
      staff,
      { tenant, action: 'cancel-announcement', count: outcome === 'cancelled' ? 1 : 0, id },
      now,
    )
    if (outcome === 'sent') return c.text(alreadySent, 409)
    const [status] = await announcementStatuses(db, { tenant, published, only: id })
    return c.json(status)
  })

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
