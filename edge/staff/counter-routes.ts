import { Hono } from 'hono'
import { type CounterRegistrationAnswer, counterRegistrationRequest, townQuery } from '../../shared/contract'
import { registerAtCounter } from '../registration/counter'
import { residentDb } from '../shards/map'
import { findTenant } from '../snapshot/tenant'
import { publicOrigin } from '../web/origin'
import { recordAccess } from './access-log'
import type { StaffEnv } from './context'
import { actsFor, forRoles } from './middleware'
import { badQuery, notYourTown, parsed } from './requests'

const badBody =
  '登録の内容が正しくありません（ニックネーム・立場・言語・受け取り方・連絡先・日付） / The registration is not valid (nickname, audience, language, channel, address, date)'

/**
 * POST /staff/registrations?tenant=T: staff start a resident's registration at the counter (nurse,
 * desk); the resident confirms — and consents — on their own phone. Logged as start-registration
 * with the new household's opaque id.
 */
export const counterRoutes = new Hono<StaffEnv>().post(
  '/registrations',
  forRoles('nurse', 'desk'),
  async (c) => {
    const query = parsed(townQuery, c.req.query())
    if (!query.success) return c.text(badQuery, 400)
    const staff = c.get('staff')
    const { tenant: slug } = query.data
    if (!actsFor(staff, slug)) return c.text(notYourTown, 403)
    const body = parsed(counterRegistrationRequest, await c.req.json().catch(() => null))
    if (!body.success) return c.text(badBody, 400)
    const tenant = await findTenant(c.env.DB, slug)
    if (!tenant) return c.text('この自治体は公開されていません / This town is not published', 404)
    const now = new Date()
    const result = await registerAtCounter(c.env, tenant, body.data, publicOrigin(c), now)
    if (!result.ok) return c.text(result.problem, result.status)
    await recordAccess(
      await residentDb(c.env, slug),
      staff,
      { tenant: slug, action: 'start-registration', household: result.household, count: 1 },
      now,
    )
    const answer: CounterRegistrationAnswer = { outcome: result.outcome, channel: body.data.channel }
    return c.json(answer)
  },
)
