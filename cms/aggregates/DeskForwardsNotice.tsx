import type { Payload, TypedUser } from 'payload'
import { localDate } from '../../shared/calendar'
import { hasRole } from '../plugin/roles'
import { alertDays, forwardAlerts } from './alerts'
import { CountsNotice } from './CountsNotice'

/**
 * On the dashboard, for staff and admins: consultations of the last days that did not reach the
 * desk, so someone asks for them to be checked. Nothing when all arrived.
 */
export async function DeskForwardsNotice(props: { payload: Payload; user?: TypedUser | null; slug: string }) {
  const { payload, user, slug } = props
  if (!user || !hasRole(user, 'admin', 'municipal-staff')) return null
  const alerts = await forwardAlerts(payload, { user, slug, today: localDate(new Date(), 'Asia/Tokyo') })
  if (alerts.length === 0) return null
  return (
    <CountsNotice
      title="窓口に届いていない相談があります / Consultations not at the desk"
      text={`住民からの相談が、窓口のメールに届いていません（直近${alertDays}日）。「失敗」はシステム担当に確認を依頼してください。 / Consultations from residents have not reached the desk’s email (last ${alertDays} days). Ask the system operator to check the failed ones.`}
      columns={['相談の日 / Date', '自治体 / Tenant', '失敗 / Failed', '再送中 / Retrying']}
      rows={alerts.map((a) => ({
        key: `${a.date}-${a.tenant}`,
        cells: [a.date, a.tenant, a.failed, a.pending],
      }))}
      href={`${payload.config.routes.admin}/collections/${slug}`}
    />
  )
}
