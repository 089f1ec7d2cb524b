import type { D1Database } from '@cloudflare/workers-types'
import { Hono } from 'hono'
import { localDate } from '../../shared/calendar'
import { type FormFields, readSubmission } from '../../shared/surveys'
import type { Env } from '../env'
import { subscriberLanguage } from '../resident/language'
import { openLink } from '../shards/links'
import { ensureSettled } from '../shards/map'
import { tasksDoneBySurvey } from '../tasks/of-survey'
import { residentHeaders, sameOriginForms } from '../web/guard'
import { maskAddress } from '../web/mask'
import { linkNotValidPage } from '../web/notice'
import { readAs } from '../web/reader'
import { forwardInterview } from './interview'
import { surveyAnsweredPage, surveyClosedPage, surveyFormPage, surveyThanksPage } from './pages'
import { offerOfToken, type RecordedOffer, surveyOfOffer } from './recorded-offer'
import { hasAnswered, storeResponse } from './responses'

/** The resident's registered address, masked, when the desk can reach them there. */
async function registeredAddress(db: D1Database, offer: RecordedOffer): Promise<string | null> {
  const row = await db
    .prepare('SELECT channel, address FROM subscribers WHERE id = ?1')
    .bind(offer.subscriberId)
    .first<{ channel: 'email' | 'sms' | 'line'; address: string }>()
  return row && row.channel !== 'line' ? maskAddress(row.channel, row.address) : null
}

// A form's fields as lists of strings; files and absurd sizes are not answers.
const maxValues = 200
function fieldsOf(body: Record<string, unknown>): FormFields {
  const fields: Record<string, string[]> = {}
  let total = 0
  for (const [name, value] of Object.entries(body)) {
    const list = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string')
    total += list.length
    if (total > maxValues) break
    fields[name] = list.map((v) => v.slice(0, 5000))
  }
  return fields
}

/**
 * The offer a /q/ link names, in the shard its prefix names (a bare token: shard 1), with the survey
 * as offered (from the manifests, in main); throws TenantMoving while the tenant moves.
 */
async function openOffer(env: Env, segment: string) {
  const link = await openLink(env, segment)
  const offer = link && (await offerOfToken(link.db, link.token))
  if (!link || !offer) return null
  await ensureSettled(env, offer.tenantSlug)
  const offered = await surveyOfOffer(env.DB, offer)
  // The resident's language, unless this device chose one.
  readAs(await subscriberLanguage(link.db, offer.subscriberId), offered?.tenant.languages.offered)
  return { db: link.db, offer, offered }
}

export const surveyRoutes = new Hono<{ Bindings: Env }>()
  .use(residentHeaders)
  .get('/:token', async (c) => {
    const token = c.req.param('token')
    const opened = await openOffer(c.env, token)
    if (!opened) return c.html(linkNotValidPage(), 404)
    const { db, offer, offered } = opened
    if (!offered) return c.html(surveyClosedPage(), 410)
    if (await hasAnswered(db, offer)) return c.html(surveyAnsweredPage())
    return c.html(
      surveyFormPage({
        survey: offered.survey,
        action: `/q/${token}`,
        registered: await registeredAddress(db, offer),
      }),
    )
  })
  .post('/:token', sameOriginForms, async (c) => {
    const token = c.req.param('token')
    const opened = await openOffer(c.env, token)
    if (!opened) return c.html(linkNotValidPage(), 404)
    const { db, offer, offered } = opened
    if (!offered) return c.html(surveyClosedPage(), 410)
    const values = fieldsOf(await c.req.parseBody({ all: true }))
    const read = readSubmission(offered.survey, values)
    if (!read.ok) {
      const page = surveyFormPage({
        survey: offered.survey,
        action: `/q/${token}`,
        registered: await registeredAddress(db, offer),
        values,
        errors: read.errors,
      })
      return c.html(page, 400)
    }
    const now = new Date()
    const stored = await storeResponse(db, {
      offer,
      surveyVersion: offered.survey.version,
      submission: read.value,
      answeredOn: localDate(now, offered.tenant.timeZone),
      now,
      taskIds: await tasksDoneBySurvey(c.env.DB, offer),
    })
    if (!stored.stored) return c.html(surveyAnsweredPage())
    const interview = read.value.interview
      ? await forwardInterview(c.env, { responseId: stored.responseId, ...offered }, db)
      : 'none'
    return c.html(
      surveyThanksPage({
        ...offered,
        interview: interview === 'gone' ? 'pending' : interview,
      }),
    )
  })
