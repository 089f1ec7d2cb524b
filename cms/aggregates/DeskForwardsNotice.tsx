import type { Payload, TypedUser } from 'payload'
import { localDate } from '../../shared/calendar'
import { hasRole } from '../plugin/roles'
import { alertDays, forwardAlerts, oldestWaiting } from './alerts'
import { CountsNotice } from './CountsNotice'

/**
 * On the dashboard, for staff and admins: consultations of the last days that did not reach the
 * desk, so someone asks for them to be checked, and how long the oldest in each town has waited
 * (it is kept until it reaches the desk, however old). Nothing when all arrived.
 */
export async function DeskForwardsNotice(props: {
  payload: Payload
  user?: TypedUser | null
  slug: string
  undecidedSlug: string
}) {
  const { payload, user, slug, undecidedSlug } = props
  if (!user || !hasRole(user, 'admin', 'municipal-staff')) return null
  const alerts = await forwardAlerts(payload, { user, slug, today: localDate(new Date(), 'Asia/Tokyo') })
  const waiting = await oldestWaiting(payload, { user, slug: undecidedSlug, field: 'deskForwardDays' })
  if (alerts.length === 0 && waiting.length === 0) return null
  return (
    <CountsNotice
      title="窓口に届いていない相談があります / Consultations not at the desk"
      text={`住民からの相談が、窓口のメールに届いていません（直近${alertDays}日）。「失敗」はシステム担当に確認を依頼してください。 / Consultations from residents have not reached the desk’s email (last ${alertDays} days). Ask the system operator to check the failed ones.`}
      columns={['相談の日 / Date', '自治体 / Tenant', '失敗 / Failed', '再送中 / Retrying']}
      waiting={waiting.map(
        (w) =>
          `${w.tenant}: 最も古い相談は${w.days}日前のもので、まだ窓口に届いていません（${w.asOf}時点） / ${w.tenant}: the oldest consultation, made ${w.days} days ago, has not reached the desk (as of ${w.asOf})`,
      )}
      rows={alerts.map((a) => ({
        key: `${a.date}-${a.tenant}`,
        cells: [a.date, a.tenant, a.failed, a.pending],
      }))}
      href={`${payload.config.routes.admin}/collections/${slug}`}
    />
  )
}
