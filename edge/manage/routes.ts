import { Hono } from 'hono'
import type { Env } from '../env'
import { type ManageAccess, manageAccess } from '../resident/access'
import { nicknameField } from '../resident/fields'
import { requireLinkSecret } from '../resident/link-tokens'
import { nursesOf, shownToFamily } from '../resident/nurses'
import { linkSegment } from '../shards/links'
import { bi } from '../web/bilingual'
import { residentHeaders, sameOriginForms } from '../web/guard'
import { noticePage } from '../web/notice'
import { publicOrigin } from '../web/origin'
import { type Ctx, deadLink, formText } from '../web/request'
import {
  type ActionResult,
  changeDueDate,
  changeNickname,
  newManageLink,
  pauseUntil,
  reportBirth,
  reportLoss,
  resume,
  stopSubscription,
  timelineOf,
} from './actions'
import { cancelDeletion, pendingDeletion, requestDeletion } from './deletion'
import { deletionRequestedPage } from './deletion-pages'
import { type FormProblem, type ManageForm, problemText } from './form-problem'
import { tellStaffOfLoss } from './loss-notice'
import { lossPage, lossReceivedPage } from './loss-page'
import { type Done, doneMessages, managePage, newLinkPage } from './page'
import { deletePage } from './stop-page'
import { markDoneByResident, tasksShownOf } from './tasks'
import { chooseTownNotices, townNoticesOf } from './town-notices'

/** After a change: back to the page (POST-redirect-GET), or the page again with the problem. */
async function answer(
  c: Ctx,
  a: ManageAccess,
  formName: ManageForm,
  value: string,
  result: ActionResult | { ok: false; message: string },
  done: Done,
) {
  if (result.ok) return c.redirect(`/r/${a.token}?done=${done}`, 303)
  const message = 'message' in result ? result.message : problemText(result.problem)
  const problem: FormProblem = { form: formName, value, message }
  const [nurses, townNotices, tasks] = await Promise.all([
    nursesOf(a.db, a.resident.subscriber.id),
    townNoticesOf(a.db, a.resident.subscriber.id),
    tasksShownOf(c.env.DB, a, new Date()),
  ])
  const page = managePage(
    a.tenant,
    a.token,
    a.resident,
    undefined,
    problem,
    null,
    shownToFamily(nurses),
    townNotices,
    tasks,
  )
  return c.html(page, 422)
}

export const manageRoutes = new Hono<{ Bindings: Env }>()
  .use(residentHeaders, sameOriginForms)
  .get('/:token', async (c) => {
    const a = await manageAccess(c)
    if (!a) return deadLink(c)
    const done = c.req.query('done')
    const known = done && done in doneMessages ? (done as Done) : undefined
    const id = a.resident.subscriber.id
    const [deletion, nurses, townNotices, tasks] = await Promise.all([
      pendingDeletion(a.db, id, new Date()),
      nursesOf(a.db, id),
      townNoticesOf(a.db, id),
      tasksShownOf(c.env.DB, a, new Date()),
    ])
    return c.html(
      managePage(
        a.tenant,
        a.token,
        a.resident,
        known,
        undefined,
        deletion,
        shownToFamily(nurses),
        townNotices,
        tasks,
      ),
    )
  })
  .post('/:token/nickname', async (c) => {
    const a = await manageAccess(c)
    if (!a) return deadLink(c)
    const { nickname = '' } = await formText(c)
    const parsed = nicknameField.safeParse(nickname)
    if (!parsed.success) {
      // The field's own message, already worded for this reader.
      const message = parsed.error.issues[0]?.message ?? ''
      return answer(c, a, 'nickname', nickname, { ok: false, message }, 'nickname')
    }
    await changeNickname(a.db, a.resident.subscriber.id, parsed.data, new Date())
    return c.redirect(`/r/${a.token}?done=nickname`, 303)
  })
  .post('/:token/due', async (c) => {
    const a = await manageAccess(c)
    if (!a) return deadLink(c)
    const { date = '', timeline } = await formText(c)
    const row = timelineOf(a.resident, timeline)
    if (!row) return deadLink(c)
    const result = await changeDueDate(c.env.DB, a.db, a.tenant, a.resident, row, date, new Date())
    return answer(c, a, 'due', date, result, 'due')
  })
  .post('/:token/birth', async (c) => {
    const a = await manageAccess(c)
    if (!a) return deadLink(c)
    const { date = '', timeline } = await formText(c)
    const row = timelineOf(a.resident, timeline)
    if (!row) return deadLink(c)
    const result = await reportBirth(c.env.DB, a.db, a.tenant, row, date, new Date())
    return answer(c, a, 'birth', date, result, 'birth')
  })
  .post('/:token/pause', async (c) => {
    const a = await manageAccess(c)
    if (!a) return deadLink(c)
    const { date = '' } = await formText(c)
    const result = await pauseUntil(a.db, a.tenant, a.resident, date, new Date())
    return answer(c, a, 'pause', date, result, 'paused')
  })
  .post('/:token/resume', async (c) => {
    const a = await manageAccess(c)
    if (!a) return deadLink(c)
    await resume(a.db, a.tenant, a.resident, new Date())
    return c.redirect(`/r/${a.token}?done=resumed`, 303)
  })
  .post('/:token/town-notices', async (c) => {
    const a = await manageAccess(c)
    if (!a) return deadLink(c)
    const { notices = '' } = await formText(c)
    const result = await chooseTownNotices(a.db, a.resident.subscriber.id, notices, new Date())
    return answer(c, a, 'notices', notices, result, notices === 'on' ? 'townNoticesOn' : 'townNoticesOff')
  })
  .post('/:token/tasks/done', async (c) => {
    const a = await manageAccess(c)
    if (!a) return deadLink(c)
    const { task = '' } = await formText(c)
    if (!(await markDoneByResident(c.env.DB, a, task, new Date()))) return deadLink(c)
    return c.redirect(`/r/${a.token}?done=task`, 303)
  })
  .post('/:token/stop', async (c) => {
    const a = await manageAccess(c)
    if (!a) return deadLink(c)
    await stopSubscription(a.db, a.resident.subscriber.id, 'resident', new Date())
    return c.html(stoppedPage(a.token))
  })
  .post('/:token/new-link', async (c) => {
    const a = await manageAccess(c)
    if (!a) return deadLink(c)
    const secret = requireLinkSecret(c.env.LINK_SECRET)
    const token = await newManageLink(a.db, secret, a.resident.subscriber.id, new Date())
    const origin = publicOrigin(c).replace(/\/$/, '')
    return c.html(newLinkPage(`${origin}/r/${linkSegment(a.shard, token)}`))
  })
  .get('/:token/delete', async (c) => {
    const a = await manageAccess(c)
    if (!a) return deadLink(c)
    return c.html(deletePage(a.token))
  })
  .post('/:token/delete', async (c) => {
    const a = await manageAccess(c)
    if (!a) return deadLink(c)
    const asked = await requestDeletion(c.env, a, a.tenant, a.resident, publicOrigin(c), new Date())
    return c.html(deletionRequestedPage(a.token, asked))
  })
  .post('/:token/delete/cancel', async (c) => {
    const a = await manageAccess(c)
    if (!a) return deadLink(c)
    await cancelDeletion(a.db, a.resident.subscriber.id)
    return c.redirect(`/r/${a.token}?done=kept`, 303)
  })
  .get('/:token/loss', async (c) => {
    const a = await manageAccess(c)
    if (!a) return deadLink(c)
    const row = timelineOf(a.resident, c.req.query('timeline'))
    if (!row) return deadLink(c)
    return c.html(lossPage(a.tenant, a.token, row.id))
  })
  .post('/:token/loss', async (c) => {
    const a = await manageAccess(c)
    if (!a) return deadLink(c)
    const { date = '', timeline, messages } = await formText(c)
    const row = timelineOf(a.resident, timeline)
    if (!row) return deadLink(c)
    const keepSupport = messages !== 'stop'
    const result = await reportLoss(c.env.DB, a.db, a.tenant, a.resident, row, date, keepSupport, new Date())
    if (!result.ok)
      return c.html(lossPage(a.tenant, a.token, row.id, { date }, problemText(result.problem)), 422)
    await tellStaffOfLoss(c.env, a.db, a.tenant, row.id)
    return c.html(lossReceivedPage(a.tenant, keepSupport))
  })

export function stoppedPage(manageToken?: string) {
  return noticePage(
    { ja: 'お便りを止めました', en: 'The messages are stopped' },
    bi(
      'これ以上お便りは届きません。これまでありがとうございました。',
      'No more messages will be sent. Thank you for being with us.',
    ),
    manageToken
      ? bi(
          'データの削除は、登録内容のページからできます。',
          'You can delete your data from your registration page.',
        )
      : '',
  )
}
