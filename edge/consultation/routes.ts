import { Hono } from 'hono'
import { assessUrgency, checkConsultation, readConsultationInput } from '../../shared/consultation'
import { wording } from '../../shared/languages/wording'
import type { Env } from '../env'
import { manageAccess } from '../resident/access'
import { residentHeaders, sameOriginForms } from '../web/guard'
import { readAs } from '../web/reader'
import { type Ctx, deadLink } from '../web/request'
import { consultPage } from './form-page'
import { forwardConsultation, forwardNurseOf } from './forward'
import { consultReceivedPage } from './received-page'
import { CONSULTATIONS_PER_DAY, ownConsultation, recordConsultation } from './store'

const dailyLimit = wording(
  '今日はもう{limit}件のご相談を受け取っています。続きは明日また送れます。書いた文章は下に残っています。急ぐときは、お電話ください。',
  'We have already received {limit} questions from you today; you can send more tomorrow. What you wrote is kept below. If it is urgent, please call.',
  { limit: CONSULTATIONS_PER_DAY },
)

/** The manage link's resident and town, the page in the resident's language (unless this device chose one). */
async function residentAccess(c: Ctx) {
  const a = await manageAccess(c)
  if (a) readAs(a.resident.subscriber.language, a.tenant.languages.offered)
  return a
}

/**
 * /r/{manage token}/consult — the consultation form every message links to. A sent consultation
 * is stored in the resident's shard, forwarded at once to the family's nurse with the desk in copy
 * (or to the desk alone; retried by the cron tick if that fails) and
 * acknowledged on its own page, so a reload never sends it twice.
 */
export const consultRoutes = new Hono<{ Bindings: Env }>()
  .use('/:token/consult', residentHeaders, sameOriginForms)
  .use('/:token/consult/*', residentHeaders, sameOriginForms)
  .get('/:token/consult', async (c) => {
    const a = await residentAccess(c)
    if (!a) return deadLink(c)
    return c.html(consultPage(a.tenant, a.token, a.resident.subscriber.channel))
  })
  .post('/:token/consult', async (c) => {
    const a = await residentAccess(c)
    if (!a) return deadLink(c)
    const input = readConsultationInput(await c.req.parseBody())
    const { channel } = a.resident.subscriber
    const checked = checkConsultation(input, channel !== 'line')
    if (!checked.ok)
      return c.html(consultPage(a.tenant, a.token, channel, { input, errors: checked.errors }), 422)
    const now = new Date()
    const recorded = await recordConsultation(a.db, {
      subscriberId: a.resident.subscriber.id,
      tenantSlug: a.tenant.slug,
      request: checked.value,
      urgent: assessUrgency(checked.value.text).urgent,
      language: a.resident.subscriber.language,
      source: 'form',
      now,
    })
    if (!recorded.ok)
      return c.html(consultPage(a.tenant, a.token, channel, { input, notice: dailyLimit }), 429)
    try {
      await forwardConsultation(c.env, recorded.id, now, a.db)
    } catch (error) {
      // Stored and pending: the cron tick picks it up once this attempt's lease ends.
      console.error(`consultation ${recorded.id}: forward left to the cron tick`, error)
    }
    return c.redirect(`/r/${a.token}/consult/received/${recorded.id}`, 303)
  })
  .get('/:token/consult/received/:id', async (c) => {
    const a = await residentAccess(c)
    if (!a) return deadLink(c)
    const consultation = await ownConsultation(a.db, a.resident.subscriber.id, c.req.param('id'))
    if (!consultation) return deadLink(c)
    const nurse = await forwardNurseOf(a.db, a.resident.subscriber.id)
    return c.html(consultReceivedPage(a.tenant, a.token, consultation, nurse))
  })
