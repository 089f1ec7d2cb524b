import type { Payload, TypedUser } from 'payload'
import { localDate } from '../../shared/calendar'
import { hasRole } from '../plugin/roles'
import { alertDays, forwardAlerts } from './forward-alerts'

/**
 * On the dashboard, for staff and admins: consultations of the last days that did not reach the
 * desk, so someone asks for them to be checked. Nothing when all arrived.
 */
export async function DeskForwardsNotice(props: { payload: Payload; user?: TypedUser | null; slug: string }) {
  const { payload, user, slug } = props
  if (!user || !hasRole(user, 'admin', 'municipal-staff')) return null
  const alerts = await forwardAlerts(payload, { user, slug, today: localDate(new Date(), 'Asia/Tokyo') })
  if (alerts.length === 0) return null
  const list = `${payload.config.routes.admin}/collections/${slug}`
  return (
    <section role="alert" style={{ border: '2px solid #b42318', padding: '1rem', marginBottom: '1.5rem' }}>
      <h2 style={{ marginTop: 0 }}>窓口に届いていない相談があります / Consultations not at the desk</h2>
      <p>
        住民からの相談が、窓口のメールに届いていません（直近{alertDays}
        日）。「失敗」はシステム担当に確認を依頼してください。 / Consultations from residents have not reached
        the desk’s email (last {alertDays} days). Ask the system operator to check the failed ones.
      </p>
      <table>
        <thead>
          <tr>
            <th>相談の日 / Date</th>
            <th>自治体 / Tenant</th>
            <th>失敗 / Failed</th>
            <th>再送中 / Retrying</th>
          </tr>
        </thead>
        <tbody>
          {alerts.map((a) => (
            <tr key={`${a.date}-${a.tenant}`}>
              <td>{a.date}</td>
              <td>{a.tenant}</td>
              <td>{a.failed}</td>
              <td>{a.pending}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <a href={list}>一覧を開く / Open the list</a>
      </p>
    </section>
  )
}
