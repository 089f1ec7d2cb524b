import type { Endpoint, PayloadRequest } from 'payload'
import { bilingual, taskDoneBody } from '../../../shared/contract'
import { markFamilyTaskDone } from './tasks'

const refuse = (status: number, ja: string, en: string) =>
  Response.json({ ok: false, reason: bilingual(ja, en) }, { status })

async function bodyOf(req: PayloadRequest): Promise<unknown> {
  try {
    return await req.json?.()
  } catch {
    return undefined
  }
}

/**
 * POST /api/workspace/families/:household/tasks/done?tenant= {member, task} — staff record that a
 * member has done a task; the Worker checks the town and logs it. Answers {ok, task} or {ok:false, reason}.
 */
export const markTaskDoneEndpoint: Endpoint = {
  path: '/families/:household/tasks/done',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return refuse(401, 'ログインしてください', 'Sign in first')
    const tenant = req.searchParams?.get('tenant') ?? ''
    if (!tenant) return refuse(400, '自治体を指定してください', 'Name the town (?tenant=)')
    const body = taskDoneBody.safeParse(await bodyOf(req))
    if (!body.success) return refuse(400, '記録する内容が正しくありません', 'The task or member is not valid')
    const household = String(req.routeParams?.household ?? '')
    const answer = await markFamilyTaskDone(req.payload, req.user, { tenant, household }, body.data)
    return answer.ok
      ? Response.json({ ok: true, task: answer.data.task })
      : Response.json({ ok: false, reason: answer.reason }, { status: answer.status })
  },
}
