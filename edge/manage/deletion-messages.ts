import type { Channel, TenantSettings } from '../../shared/contract'
import type { OutgoingMessage } from '../channels/adapter'
import { emailFrom, footer, smsSender } from '../verification/messages'

/** To the current address: the link that confirms "delete my data" (valid 7 days). */
export function deletionConfirmMessage(
  tenant: TenantSettings,
  to: { channel: Channel; address: string },
  url: string,
  key: string,
  deletionWaitDays: number,
): OutgoingMessage {
  const base = { idempotencyKey: key, tenant: tenant.slug, channel: to.channel, to: to.address }
  if (to.channel === 'sms') {
    return { ...base, text: `【${smsSender(tenant)}】データ削除の確認です。削除するにはこちら ${url}` }
  }
  const text = [
    `${tenant.name.ja}の「寄り添い」で、登録したデータの削除のお申し込みがありました。`,
    `削除するには、${deletionWaitDays}日以内に下のリンクを開いて「削除する」を押してください。`,
    url,
    'お心当たりがない場合は、何もしなければ削除されません。登録内容のページのリンクを他の人に知られたかもしれないときは、そのページで「新しいリンクにする」を押してください。',
    '',
    `Someone asked to delete your yorisoi data. To delete it, open the link above within ${deletionWaitDays} days and press “Delete”.`,
    'If this was not you, do nothing and nothing is deleted. If someone else may have your registration page’s link, press “Get a new link” there.',
  ]
  if (to.channel === 'line') return { ...base, text: text.join('\n') }
  return {
    ...base,
    subject: `【${tenant.name.ja}】データの削除の確認 / Confirm deleting your data`,
    text: [...text, '', ...footer(tenant)].join('\n'),
    ...emailFrom(tenant),
  }
}
