import type { Payload, TypedUser } from 'payload'
import { localDate } from '../../shared/calendar'
import { hasRole } from '../plugin/roles'
import { alertDays, flaggedAlerts, oldestWaiting } from './alerts'
import { CountsNotice } from './CountsNotice'

/**
 * On the dashboard, for staff and admins: days of the last weeks with daily messages that may not
 * have reached residents and wait for a person's decision at the edge, and how long the oldest
 * waiting in each town has waited (it is kept until decided, however old). Nothing when none wait.
 */
export async function FlaggedDeliveriesNotice(props: {
  payload: Payload
  user?: TypedUser | null
  slug: string
  undecidedSlug: string
}) {
  const { payload, user, slug, undecidedSlug } = props
  if (!user || !hasRole(user, 'admin', 'municipal-staff')) return null
  const alerts = await flaggedAlerts(payload, { user, slug, today: localDate(new Date(), 'Asia/Tokyo') })
  const waiting = await oldestWaiting(payload, { user, slug: undecidedSlug, field: 'flaggedDeliveryDays' })
  if (alerts.length === 0 && waiting.length === 0) return null
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
      waiting={waiting.map(
        (w) =>
          `${w.tenant}: 最も古いものは配信日から${w.days}日、決定を待っています（${w.asOf}時点） / ${w.tenant}: the oldest has waited ${w.days} days since its delivery date (as of ${w.asOf})`,
      )}
      rows={alerts.map((a) => ({
        key: `${a.date}-${a.tenant}`,
        cells: [a.date, a.tenant, a.open, a.resolved, a.deadLetters],
      }))}
      href={`${payload.config.routes.admin}/collections/${slug}`}
    />
  )
}
