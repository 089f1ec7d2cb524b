import { type Context, Hono } from 'hono'
import type { TenantSettings } from '../../shared/contract'
import type { Env } from '../env'
import { bi } from '../pages/bilingual'
import { lossPage, lossReceivedPage } from '../pages/loss'
import { type Done, doneMessages, type FormProblem, type ManageForm, managePage } from '../pages/manage'
import { linkNotValidPage, noticePage } from '../pages/notice'
import { deletePage } from '../pages/stop'
import {
  type ActionResult,
  changeDueDate,
  changeNickname,
  deleteResidentData,
  pauseUntil,
  reportBirth,
  reportLoss,
  resume,
  stopSubscription,
  timelineOf,
} from '../resident/actions'
import { nicknameField } from '../resident/fields'
import { loadResident, type Resident } from '../resident/resident'
import { findTenant } from '../resident/tenant'
import { findToken } from '../resident/tokens'
import { residentHeaders, sameOriginForms } from './resident-guard'

type Ctx = Context<{ Bindings: Env }>

interface Access {
  token: string
  resident: Resident
  tenant: TenantSettings
}

/** The resident a manage (or stop) token opens, with their tenant; null for a dead link. */
async function access(c: Ctx): Promise<Access | null> {
  const token = c.req.param('token') ?? ''
  const grant = await findToken(c.env.DB, token, ['manage'], new Date())
  const resident = grant && (await loadResident(c.env.DB, grant.subscriberId))
  const tenant = resident && (await findTenant(c.env.DB, resident.subscriber.tenantSlug))
  return grant && resident && tenant ? { token, resident, tenant } : null
}

async function form(c: Ctx): Promise<Record<string, string>> {
  const body = await c.req.parseBody()
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : '']))
}

const text = (p: { ja: string; en: string }) => `${p.ja} / ${p.en}`

/** After a change: back to the page (POST-redirect-GET), or the page again with the problem. */
function answer(c: Ctx, a: Access, formName: ManageForm, value: string, result: ActionResult, done: Done) {
  if (result.ok) return c.redirect(`/r/${a.token}?done=${done}`, 303)
  const problem: FormProblem = { form: formName, value, message: text(result.problem) }
  return c.html(managePage(a.tenant, a.token, a.resident, undefined, problem), 422)
}

const dead = (c: Ctx) => c.html(linkNotValidPage(), 404)

export const manageRoutes = new Hono<{ Bindings: Env }>()
  .use(residentHeaders, sameOriginForms)
  .get('/:token', async (c) => {
    const a = await access(c)
    if (!a) return dead(c)
    const done = c.req.query('done')
    const known = done && done in doneMessages ? (done as Done) : undefined
    return c.html(managePage(a.tenant, a.token, a.resident, known))
  })
  .post('/:token/nickname', async (c) => {
    const a = await access(c)
    if (!a) return dead(c)
    const { nickname = '' } = await form(c)
    const parsed = nicknameField.safeParse(nickname)
    if (!parsed.success) {
      const [ja = '', en = ''] = (parsed.error.issues[0]?.message ?? '').split(' / ')
      return answer(c, a, 'nickname', nickname, { ok: false, problem: { ja, en } }, 'nickname')
    }
    await changeNickname(c.env.DB, a.resident.subscriber.id, parsed.data, new Date())
    return c.redirect(`/r/${a.token}?done=nickname`, 303)
  })
  .post('/:token/due', async (c) => {
    const a = await access(c)
    if (!a) return dead(c)
    const { date = '', timeline } = await form(c)
    const row = timelineOf(a.resident, timeline)
    if (!row) return dead(c)
    const result = await changeDueDate(c.env.DB, a.tenant, a.resident, row, date, new Date())
    return answer(c, a, 'due', date, result, 'due')
  })
  .post('/:token/birth', async (c) => {
    const a = await access(c)
    if (!a) return dead(c)
    const { date = '', timeline } = await form(c)
    const row = timelineOf(a.resident, timeline)
    if (!row) return dead(c)
    const result = await reportBirth(c.env.DB, a.tenant, row, date, new Date())
    return answer(c, a, 'birth', date, result, 'birth')
  })
  .post('/:token/pause', async (c) => {
    const a = await access(c)
    if (!a) return dead(c)
    const { date = '' } = await form(c)
    const result = await pauseUntil(c.env.DB, a.tenant, a.resident.subscriber.id, date, new Date())
    return answer(c, a, 'pause', date, result, 'paused')
  })
  .post('/:token/resume', async (c) => {
    const a = await access(c)
    if (!a) return dead(c)
    await resume(c.env.DB, a.tenant, a.resident.subscriber.id, new Date())
    return c.redirect(`/r/${a.token}?done=resumed`, 303)
  })
  .post('/:token/stop', async (c) => {
    const a = await access(c)
    if (!a) return dead(c)
    await stopSubscription(c.env.DB, a.resident.subscriber.id, 'resident', new Date())
    return c.html(stoppedPage(a.token))
  })
  .get('/:token/delete', async (c) => {
    const a = await access(c)
    if (!a) return dead(c)
    return c.html(deletePage(a.token))
  })
  .post('/:token/delete', async (c) => {
    const a = await access(c)
    if (!a) return dead(c)
    await deleteResidentData(c.env.DB, a.resident.subscriber.id, a.tenant, new Date())
    return c.html(
      noticePage(
        { ja: '削除しました', en: 'Your data is deleted' },
        bi(
          'ご登録のデータを削除しました。これまでありがとうございました。',
          'We deleted the data you registered. Thank you for being with us.',
        ),
      ),
    )
  })
  .get('/:token/loss', async (c) => {
    const a = await access(c)
    if (!a) return dead(c)
    const row = timelineOf(a.resident, c.req.query('timeline'))
    if (!row) return dead(c)
    return c.html(lossPage(a.tenant, a.token, row.id))
  })
  .post('/:token/loss', async (c) => {
    const a = await access(c)
    if (!a) return dead(c)
    const { date = '', timeline, messages } = await form(c)
    const row = timelineOf(a.resident, timeline)
    if (!row) return dead(c)
    const keepSupport = messages !== 'stop'
    const result = await reportLoss(c.env.DB, a.tenant, a.resident, row, date, keepSupport, new Date())
    if (!result.ok) return c.html(lossPage(a.tenant, a.token, row.id, { date }, text(result.problem)), 422)
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
