import type { Endpoint } from 'payload'
import { z } from 'zod'
import { type AnnouncementStatus, announcementStatus } from '../../shared/contract/staff-announcements'
import { bilingual } from '../plugin/i18n'
import { actingRole } from '../workspace/acting-role'
import { askStaffApi } from '../workspace/staff-api'
import { townsOf } from '../workspace/towns'

export const statusNeedsStaffRole = bilingual(
  '送信状況は保健師か子育て窓口の役割で見られます',
  'A nurse or the desk sees how sending goes',
)

/**
 * GET /api/announcements/statuses — how sending goes for every announcement the edge knows in the
 * user's towns, by contract id. Always 200: an edge that cannot be reached, or a role that may not
 * ask, comes back as `problem`, for the screen to say in words.
 */
export const statusEndpoint: Endpoint = {
  path: '/statuses',
  method: 'get',
  handler: async (req) => {
    if (!req.user)
      return Response.json({ ok: false, problem: bilingual('ログインしてください', 'Log in first') })
    const role = actingRole(req.user, ['nurse', 'desk'])
    if (!role) return Response.json({ ok: false, problem: statusNeedsStaffRole })
    const statuses: Record<string, AnnouncementStatus> = {}
    const problems: string[] = []
    for (const town of await townsOf(req.payload, req.user)) {
      const answer = await askStaffApi<unknown>(req.payload, req.user, {
        role,
        tenant: town.slug,
        path: '/announcements',
      })
      const parsed = answer.ok ? z.array(announcementStatus).safeParse(answer.data) : null
      if (!answer.ok) problems.push(answer.reason)
      else if (!parsed?.success)
        problems.push(bilingual('配信サーバーの答えが読めません', 'The edge answered something unreadable'))
      else for (const status of parsed.data) statuses[status.id] = status
    }
    return Response.json({ ok: problems.length === 0, statuses, problem: problems[0] ?? null })
  },
}
