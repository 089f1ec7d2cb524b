import type { Payload } from 'payload'
import { announcementPreview, bilingual, parseContract } from '../../../shared/contract'
import { smsCost, smsPricePerSegment } from '../../../shared/sms'
import { staffRolesOf } from '../../plugin/roles'
import { askStaffApi } from '../../workspace/staff-api'
import type { StaffApiTarget } from '../../workspace/target'
import type { Recipients } from './answer'
import type { PreviewRequest } from './request'

export const countsNeedRole = bilingual(
  '受け取る人数は、保健師または子育て窓口の役割を持つ職員だけが確かめられます（文面のプレビューは表示しています）',
  'Counting recipients needs the nurse or desk role (the renderings are shown)',
)

/**
 * Who would receive it now, counted by the edge (residents never leave it), asked as the user's
 * nurse or desk role; with the SMS cost at the most segments any language takes.
 */
export async function recipientsOf(
  payload: Payload,
  user: unknown,
  town: string,
  request: PreviewRequest,
  smsSegments: number,
  target?: StaffApiTarget,
): Promise<Recipients> {
  const roles = staffRolesOf(user)
  const role = roles.includes('nurse') ? 'nurse' : roles.includes('desk') ? 'desk' : null
  if (!role) return { ok: false, reason: countsNeedRole }
  const answer = await askStaffApi<unknown>(
    payload,
    user,
    {
      role,
      tenant: town,
      method: 'POST',
      path: '/announcements/preview',
      body: { target: request.target, urgent: request.urgent },
    },
    target,
  )
  if (!answer.ok) return { ok: false, reason: answer.reason }
  const counted = parseContract(announcementPreview, answer.data)
  if (!counted.ok)
    return {
      ok: false,
      reason: bilingual('配信サーバーの答えが読めませんでした', 'The edge answered in an unknown shape'),
    }
  const bySms = counted.value.byChannel.sms
  const { low, high } = smsPricePerSegment
  return {
    ok: true,
    ...counted.value,
    ...(smsSegments > 0
      ? {
          smsCost: {
            segments: smsSegments,
            yen: smsCost(bySms, smsSegments),
            low: smsCost(bySms, smsSegments, low),
            high: smsCost(bySms, smsSegments, high),
          },
        }
      : {}),
  }
}
