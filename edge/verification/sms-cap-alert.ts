import type { TenantSettings } from '../../shared/contract'
import type { OutgoingMessage } from '../channels/adapter'
import { emailFrom } from './letter'

/**
 * To the town's desk when its SMS cap is reached: SMS sign-up is paused, email and LINE go on,
 * and why a sudden rush may be fraud. One per town and hour (`hour` is in the key).
 */
export function smsCapAlertMessage(
  tenant: TenantSettings,
  cap: { perHour: number; perDay: number },
  hour: string,
): OutgoingMessage {
  return {
    idempotencyKey: `sms-cap/${tenant.slug}/${hour}`,
    tenant: tenant.slug,
    channel: 'email',
    to: tenant.desk.email,
    subject: `寄り添い SMSの送信が上限に達しました（${tenant.name.ja}）`,
    text: [
      `${tenant.name.ja}のSMS（確認コードなど）の送信が上限（1時間 ${cap.perHour} 通、1日 ${cap.perDay} 通）に達したため、SMSでの登録と確認コードの送信を止めています。`,
      'メールとLINEでの登録は、これまでどおり受け付けています。上限の時間帯が過ぎると、SMSも自動で再開します。',
      '',
      '心当たりのない急な増加は、海外の番号などへの不正な送信（SMSポンピング）の可能性があります。運用担当にご相談ください。',
      `（${hour}時 UTC）`,
      '',
      `The town's texts (codes and notices) reached their cap (${cap.perHour} an hour, ${cap.perDay} a day): sign-up by text message is paused until the window passes. Email and LINE sign-up go on. A sudden rush you cannot explain may be SMS pumping (toll fraud); please tell your operator.`,
    ].join('\n'),
    ...emailFrom(tenant),
  }
}
