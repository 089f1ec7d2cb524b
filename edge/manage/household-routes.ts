import { Hono } from 'hono'
import type { Env } from '../env'
import { type ManageAccess, manageAccess } from '../resident/access'
import { nursesOf, shownToFamily } from '../resident/nurses'
import { linkSegment } from '../shards/links'
import { loadActiveSnapshot } from '../snapshot/read'
import { biText } from '../web/bilingual'
import { residentHeaders, sameOriginForms } from '../web/guard'
import { clientIp, hashIp } from '../web/ip-hash'
import { publicOrigin } from '../web/origin'
import { keepReaderLanguage } from '../web/reader'
import { type Ctx, deadLink, formText } from '../web/request'
import { type ActionResult, timelineOf } from './actions'
import { type FormProblem, type ManageForm, problemText } from './form-problem'
import { createInvitation, removeMember } from './invitation'
import { invitationLinkPage } from './invitation-page'
import { changeLanguage } from './language'
import { moveAway, transferSubscription } from './move'
import { elsewhere, goodbyePage, moveConsentPage, movePickPage } from './move-page'
import { addTimeline } from './new-timeline'
import { managePage } from './page'
import { townNoticesOf } from './town-notices'

/** After a change: back to the manage page (POST-redirect-GET), or the page again with the problem. */
async function answer(
  c: Ctx,
  a: ManageAccess,
  result: ActionResult,
  done: string,
  form: ManageForm,
  value = '',
  values?: Record<string, string>,
) {
  if (result.ok) return c.redirect(`/r/${a.token}?done=${done}`, 303)
  const problem: FormProblem = { form, value, message: problemText(result.problem), values }
  const [nurses, townNotices] = await Promise.all([
    nursesOf(a.db, a.resident.subscriber.id).then(shownToFamily),
    townNoticesOf(a.db, a.resident.subscriber.id),
  ])
  return c.html(managePage(a.tenant, a.token, a.resident, undefined, problem, null, nurses, townNotices), 422)
}

async function otherTowns(c: Ctx, a: ManageAccess) {
  const snapshot = await loadActiveSnapshot(c.env.DB)
  return [...(snapshot?.tenants.values() ?? [])].map((p) => p.tenant).filter((t) => t.slug !== a.tenant.slug)
}

/** The family and lifecycle parts of self-service, under the same manage token as /r/{token}. */
export const householdRoutes = new Hono<{ Bindings: Env }>()
  .use(residentHeaders, sameOriginForms)
  .post('/:token/invite', async (c) => {
    const a = await manageAccess(c)
    if (!a) return deadLink(c)
    const { timeline } = await formText(c)
    const row = timelineOf(a.resident, timeline)
    if (!row) return deadLink(c)
    const result = await createInvitation(a.db, a.resident, row, new Date())
    if (!result.ok) return answer(c, a, result, 'invite', 'invite')
    return c.html(invitationLinkPage(a.token, `${publicOrigin(c)}/i/${linkSegment(a.shard, result.token)}`))
  })
  .post('/:token/members/remove', async (c) => {
    const a = await manageAccess(c)
    if (!a) return deadLink(c)
    const { timeline, member = '' } = await formText(c)
    const row = timelineOf(a.resident, timeline)
    if (!row) return deadLink(c)
    const result = await removeMember(c.env.DB, a.db, a.tenant, a.resident, row, member, new Date())
    return answer(c, a, result, 'removed', 'member')
  })
  .post('/:token/timelines', async (c) => {
    const a = await manageAccess(c)
    if (!a) return deadLink(c)
    const { stage = '', date = '' } = await formText(c)
    const result = await addTimeline(a.db, a.tenant, a.resident, stage, date, new Date())
    return answer(c, a, result, 'timeline', 'timeline', date, { stage })
  })
  .post('/:token/language', async (c) => {
    const a = await manageAccess(c)
    if (!a) return deadLink(c)
    const { language = '' } = await formText(c)
    const result = await changeLanguage(a.db, a.tenant, a.resident.subscriber.id, language, new Date())
    // The pages follow the language just chosen, on this device too (its earlier choice is replaced).
    if (result.ok) keepReaderLanguage(c, language)
    return answer(c, a, result, 'language', 'language', language)
  })
  .get('/:token/move', async (c) => {
    const a = await manageAccess(c)
    if (!a) return deadLink(c)
    return c.html(movePickPage(a.tenant, a.token, await otherTowns(c, a)))
  })
  .post('/:token/move', async (c) => {
    const a = await manageAccess(c)
    if (!a) return deadLink(c)
    const { to = '' } = await formText(c)
    const towns = await otherTowns(c, a)
    if (a.resident.subscriber.state === 'stopped' || a.resident.subscriber.state === 'pending') {
      const message = biText('お便りはすでに止まっています', 'The messages are already stopped')
      return c.html(movePickPage(a.tenant, a.token, towns, to, message), 422)
    }
    if (to === elsewhere) {
      await moveAway(a.db, a.resident, new Date())
      return c.html(goodbyePage(a.tenant, a.token))
    }
    if (!towns.some((t) => t.slug === to)) {
      const message = biText('引っ越し先を選んでください', 'Choose where you are moving')
      return c.html(movePickPage(a.tenant, a.token, towns, to, message), 422)
    }
    return c.redirect(`/r/${a.token}/move/${to}`, 303)
  })
  .get('/:token/move/:to', async (c) => {
    const a = await manageAccess(c)
    if (!a) return deadLink(c)
    const to = (await otherTowns(c, a)).find((t) => t.slug === c.req.param('to'))
    if (!to) return c.redirect(`/r/${a.token}/move`, 303)
    return c.html(moveConsentPage(to, a.token))
  })
  .post('/:token/move/:to', async (c) => {
    const a = await manageAccess(c)
    if (!a) return deadLink(c)
    const to = (await otherTowns(c, a)).find((t) => t.slug === c.req.param('to'))
    if (!to) return c.redirect(`/r/${a.token}/move`, 303)
    const { consent = '', noticeVersion = '' } = await formText(c)
    const ipHash = await hashIp(clientIp(c.req.raw.headers), c.env.IP_HASH_SALT)
    const result = await transferSubscription(
      c.env,
      a,
      to,
      a.resident,
      { consent, noticeVersion, ipHash },
      new Date(),
    )
    if (!result.ok) return c.html(moveConsentPage(to, a.token, { consent }, problemText(result.problem)), 422)
    return c.redirect(`/r/${a.token}?done=moved`, 303)
  })
