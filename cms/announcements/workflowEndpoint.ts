import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'
import type { Program } from '../../shared/program'
import { bilingual } from '../plugin/i18n'
import { tenantIdsOf } from '../plugin/roles'
import { jsonOf, refuse } from './body'
import { type AnnouncementAction, decideApproval } from './decide'
import { workflowContextKey } from './hooks'
import { publishFailed, publishTown } from './publishOnApproval'
import { type AnnouncementDocState, announcementsSlug } from './states'

const idOf = (value: unknown) =>
  (value && typeof value === 'object' ? (value as { id: unknown }).id : value) as number | string | null

export const workflowRequest = z.object({
  action: z.enum(['submit', 'approve', 'reject'], {
    error: bilingual(
      '操作は「承認を依頼する」「承認する」「差し戻す」のどれかです',
      'The action is submit, approve or reject',
    ),
  }),
  note: z
    .string()
    .trim()
    .max(2000, { error: bilingual('理由は2000文字までです', 'A note has at most 2,000 characters') })
    .optional(),
  seenAt: z.iso.datetime({
    offset: true,
    error: bilingual('表示した版の日時がありません', 'The time of the version you read is missing'),
  }),
})

const done: Record<AnnouncementAction, string> = {
  submit: bilingual('承認を依頼しました', 'Approval requested'),
  approve: bilingual('承認し、公開しました', 'Approved and published'),
  reject: bilingual('差し戻しました', 'Sent back'),
}

/** Saves what only the workflow writes, for this one save (nested calls share req.context). */
export async function workflowSave(req: PayloadRequest, id: number | string, data: Record<string, unknown>) {
  try {
    return await req.payload.update({
      collection: announcementsSlug,
      id,
      data,
      depth: 0,
      overrideAccess: true,
      req,
      context: { [workflowContextKey]: true },
    })
  } finally {
    delete req.context[workflowContextKey]
  }
}

/**
 * POST /api/announcements/:id/workflow { action, note?, seenAt } — the edit view's 承認を依頼する,
 * 承認する and 差し戻す. The signed-in user is the actor (decideApproval); approving publishes the
 * town's part as the approver.
 */
export const workflowEndpoint = (programs: Record<string, Program>): Endpoint => ({
  path: '/:id/workflow',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return refuse(401, bilingual('ログインしてください', 'Log in first'))
    const parsed = workflowRequest.safeParse(await jsonOf(req))
    if (!parsed.success) return refuse(400, parsed.error.issues.map((i) => i.message).join(' ・ '))
    const { action, note, seenAt } = parsed.data
    const id = String(req.routeParams?.id ?? '')
    const current = (await req.payload
      .findByID({ collection: announcementsSlug, id, depth: 0, overrideAccess: false, user: req.user, req })
      .catch(() => null)) as Record<string, unknown> | null
    if (!current) return refuse(404, bilingual('お知らせが見つかりません', 'No such announcement'))
    if (Date.parse(String(current.updatedAt)) !== Date.parse(seenAt))
      return refuse(
        409,
        bilingual(
          '表示したあとで内容が変わりました。開き直して確認してください',
          'The announcement changed after you opened it: reload and read it again',
        ),
      )
    const tenant = idOf(current.tenant)!
    const decision = decideApproval({
      action,
      note,
      doc: {
        state: current.state as AnnouncementDocState,
        health: current.health === true,
        tenant,
        author: idOf(current.author),
        lastEditor: idOf(current.lastEditor),
        submittedBy: idOf(current.submittedBy),
      },
      actor: {
        id: req.user.id,
        roles: (req.user as { roles?: string[] }).roles,
        tenantIds: tenantIdsOf(req.user),
      },
    })
    if (!decision.ok) return refuse(decision.status, decision.error)
    const user = req.user as { id: number | string; name?: string; email?: string }
    const data: Record<string, unknown> =
      action === 'submit'
        ? { state: decision.state, submittedBy: user.id, reviewNote: null }
        : action === 'reject'
          ? { state: decision.state, reviewNote: note ?? null, submittedBy: null }
          : {
              state: decision.state,
              approvedBy: user.id,
              approverName: String(user.name || user.email || user.id).slice(0, 120),
              approvedAt: new Date().toISOString(),
              reviewNote: null,
              publishOutcome: null,
            }
    await workflowSave(req, id, data)
    if (!decision.approves) return Response.json({ ok: true, state: decision.state, message: done[action] })
    const published = await publishTown(req, tenant, programs)
    const publishOutcome = published.ok ? null : publishFailed(published.reason)
    if (publishOutcome) await workflowSave(req, id, { publishOutcome })
    return Response.json({
      ok: true,
      state: decision.state,
      published: published.ok,
      message: publishOutcome ?? done.approve,
    })
  },
})
