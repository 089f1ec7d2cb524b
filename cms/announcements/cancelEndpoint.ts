import type { Endpoint } from 'payload'
import { type AnnouncementStatus, announcementCancelRequest } from '../../shared/contract/staff-announcements'
import { bilingual } from '../plugin/i18n'
import { actingRole } from '../workspace/acting-role'
import { askStaffApi } from '../workspace/staff-api'
import { jsonOf, refuse } from './body'
import { announcementsSlug, contractIdOf } from './states'
import { workflowSave } from './workflowEndpoint'

const idOf = (value: unknown) =>
  (value && typeof value === 'object' ? (value as { id: unknown }).id : value) as number | string

export const cancelNeedsStaffRole = bilingual(
  '送信の取り消しは保健師か子育て窓口の役割の人が行います（自治体職員の役割だけでは取り消せません）',
  'A nurse or the desk cancels sending (the municipal staff role alone cannot)',
)

/**
 * POST /api/announcements/:id/cancel { reason? } — 送信を取り消す: the edge stops sending it (what
 * was sent stays sent), then the document is marked 取り消し. Nurse and desk only, as the edge asks.
 */
export const cancelEndpoint: Endpoint = {
  path: '/:id/cancel',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return refuse(401, bilingual('ログインしてください', 'Log in first'))
    const body = announcementCancelRequest.safeParse((await jsonOf(req)) ?? {})
    if (!body.success) return refuse(400, body.error.issues.map((i) => i.message).join(' ・ '))
    const id = String(req.routeParams?.id ?? '')
    const current = (await req.payload
      .findByID({ collection: announcementsSlug, id, depth: 0, overrideAccess: false, user: req.user, req })
      .catch(() => null)) as Record<string, unknown> | null
    if (!current) return refuse(404, bilingual('お知らせが見つかりません', 'No such announcement'))
    const role = actingRole(req.user, ['nurse', 'desk'])
    if (!role) return refuse(403, cancelNeedsStaffRole)
    if (current.state === 'cancelled')
      return Response.json({
        ok: true,
        state: 'cancelled',
        message: bilingual('取り消し済みです', 'Already cancelled'),
      })
    if (current.state !== 'approved')
      return refuse(
        409,
        bilingual(
          '承認済みのお知らせだけを取り消せます（下書きは削除できます）',
          'Only an approved announcement is cancelled (a draft can be deleted)',
        ),
      )
    const tenant = (await req.payload
      .findByID({ collection: 'tenants', id: idOf(current.tenant), depth: 0, overrideAccess: true, req })
      .catch(() => null)) as { slug?: string } | null
    if (!tenant?.slug) return refuse(404, bilingual('自治体が見つかりません', 'No such town'))
    const answer = await askStaffApi<AnnouncementStatus>(req.payload, req.user, {
      role,
      tenant: tenant.slug,
      method: 'POST',
      path: `/announcements/${contractIdOf(id)}/cancel`,
      body: body.data,
    })
    if (!answer.ok) return refuse(answer.status, answer.reason)
    await workflowSave(req, id, {
      state: 'cancelled',
      cancelledBy: req.user.id,
      cancelledAt: new Date().toISOString(),
    })
    return Response.json({
      ok: true,
      state: 'cancelled',
      message: bilingual(
        '送信を取り消しました。すでに送られた分はそのままです',
        'Sending cancelled; what was already sent stays sent',
      ),
    })
  },
}
