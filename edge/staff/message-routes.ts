import { Hono } from 'hono'
import type { z } from 'zod'
import {
  type StaffAction,
  type StaffAssertionClaims,
  staffMessageRequest,
  staffMessagesQuery,
  staffReplyRequest,
} from '../../shared/contract'
import { residentDb } from '../shards/map'
import { householdMessages, messageHousehold, replyToConsultation } from '../staff-messages/actions'
import { publicOrigin } from '../web/origin'
import { recordAccess } from './access-log'
import type { StaffEnv } from './context'
import { actsFor, forRoles } from './middleware'
import { badQuery, noHousehold, notYourTown } from './requests'

/** zod's first problem, already bilingual in the contract. */
const problem = (error: z.ZodError) =>
  error.issues[0]?.message ?? '入力が正しくありません / The input is not valid'

async function bodyOf(c: { req: { json(): Promise<unknown> } }): Promise<unknown> {
  try {
    return await c.req.json()
  } catch {
    return null
  }
}

async function log(
  env: StaffEnv['Bindings'],
  staff: StaffAssertionClaims,
  entry: { tenant: string; action: StaffAction; household: string | null; count: number; filter?: string },
) {
  await recordAccess(await residentDb(env, entry.tenant), staff, entry, new Date())
}

/**
 * Staff messages (edge/staff-messages): a note to one household and a reply to a consultation, sent
 * through each member's own channel, and the household's notes with their deliveries' states.
 * Mounted behind the assertion; nurse and desk only; each call writes one access-log row.
 */
export const staffMessageRoutes = new Hono<StaffEnv>()
  .get('/families/:household/messages', forRoles('nurse', 'desk'), async (c) => {
    const query = staffMessagesQuery.safeParse(c.req.query())
    const household = c.req.param('household')
    if (!query.success || household.length > 64) return c.text(badQuery, 400)
    const staff = c.get('staff')
    const { tenant } = query.data
    if (!actsFor(staff, tenant)) return c.text(notYourTown, 403)
    const page = await householdMessages(c.env, tenant, household)
    await log(c.env, staff, {
      tenant,
      action: 'read-household',
      household,
      filter: 'messages',
      count: page?.messages.length ?? 0,
    })
    if (!page) return c.text(noHousehold, 404)
    return c.json(page)
  })
  .post('/families/:household/messages', forRoles('nurse', 'desk'), async (c) => {
    const query = staffMessagesQuery.safeParse(c.req.query())
    const household = c.req.param('household')
    if (!query.success || household.length > 64) return c.text(badQuery, 400)
    const staff = c.get('staff')
    const { tenant } = query.data
    if (!actsFor(staff, tenant)) return c.text(notYourTown, 403)
    const request = staffMessageRequest.safeParse(await bodyOf(c))
    if (!request.success) return c.text(problem(request.error), 400)
    const done = await messageHousehold(c.env, {
      staff,
      tenant,
      household,
      request: request.data,
      origin: publicOrigin(c),
      now: new Date(),
    })
    await log(c.env, staff, {
      tenant,
      action: 'message-household',
      household,
      count: done.ok ? done.value.deliveries.length : 0,
    })
    return done.ok ? c.json(done.value, 201) : c.text(done.message, done.status)
  })
  .post('/consultations/:id/reply', forRoles('nurse', 'desk'), async (c) => {
    const query = staffMessagesQuery.safeParse(c.req.query())
    const consultation = c.req.param('id')
    if (!query.success || consultation.length > 64) return c.text(badQuery, 400)
    const staff = c.get('staff')
    const { tenant } = query.data
    if (!actsFor(staff, tenant)) return c.text(notYourTown, 403)
    const request = staffReplyRequest.safeParse(await bodyOf(c))
    if (!request.success) return c.text(problem(request.error), 400)
    const done = await replyToConsultation(c.env, {
      staff,
      tenant,
      consultation,
      request: request.data,
      origin: publicOrigin(c),
      now: new Date(),
    })
    await log(c.env, staff, {
      tenant,
      action: 'reply-consultation',
      household: done.ok ? done.value.household : null,
      count: done.ok ? done.value.deliveries.length : 0,
    })
    return done.ok ? c.json(done.value, 201) : c.text(done.message, done.status)
  })
