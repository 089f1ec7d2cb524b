import type { Payload, TypedUser } from 'payload'
import { localDate } from '../../shared/calendar'
import { hasRole } from '../plugin/roles'
import { alertDays, flaggedAlerts } from './alerts'
import { CountsNotice } from './CountsNotice'

/**
 * On the dashboard, for staff and admins: days of the last weeks with daily messages that may not
 * have reached residents and wait for a person's decision at the edge. Nothing when none wait.
 */
export async function FlaggedDeliveriesNotice(props: {
  payload: Payload
  user?: TypedUser | null
  slug: string
}) {
  const { payload, user, slug } = props
  if (!user || !hasRole(user, 'admin', 'municipal-staff')) return null
  const alerts = await flaggedAlerts(payload, { user, slug, today: localDate(new Date(), 'Asia/Tokyo') })
  if (alerts.length === 0) return null
  return (
    <CountsNotice
      title="届いたか確かめる必要があるお便りがあります / Daily messages to check"
      text={`直近${alertDays}日に、届いたかどうか分からない（または送れなかった）お便りがあります。システム担当に「yorisoi flagged list」で確認し、送信済みか再送かを決めるよう依頼してください。 / Some daily messages of the last ${alertDays} days may not have reached residents (or could not be sent). Ask the system operator to check them with “yorisoi flagged list” and mark each as sent or send it again.`}
      columns={[
        '配信日 / Date',
        '自治体 / Tenant',
        '未対応 / Open',
        '対応済み / Resolved',
        '再試行切れ / Dead letters',
      ]}
      rows={alerts.map((a) => ({
        key: `${a.date}-${a.tenant}`,
        cells: [a.date, a.tenant, a.open, a.resolved, a.deadLetters],
      }))}
      href={`${payload.config.routes.admin}/collections/${slug}`}
    />
  )
}
