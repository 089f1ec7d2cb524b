import type { Channel, TenantSettings } from '../../shared/contract'
import type { OutgoingMessage } from '../channels/adapter'
import { codeLifetimeMinutes } from './verification'

// What residents receive while an address is being proved. SMS texts stay within one 70-character
// UCS-2 segment where they can; nothing names pregnancy or a child.

export const smsSender = (tenant: TenantSettings) => tenant.channels.sms?.senderName ?? tenant.name.ja

export function smsCodeMessage(
  tenant: TenantSettings,
  to: string,
  code: string,
  key: string,
): OutgoingMessage {
  return {
    idempotencyKey: key,
    tenant: tenant.slug,
    channel: 'sms',
    to,
    text: `【${smsSender(tenant)}】確認コード ${code}（${codeLifetimeMinutes.sms}分有効）Your code: ${code}`,
  }
}

/** The tenant's sender identity for an email it sends. */
export const emailFrom = (tenant: TenantSettings) =>
  tenant.channels.email
    ? {
        from: `${tenant.channels.email.senderName} <${tenant.channels.email.fromAddress}>`,
        ...(tenant.channels.email.replyTo ? { replyTo: tenant.channels.email.replyTo } : {}),
      }
    : {}

/** The sender and the town's desk, at the end of every email a town sends outside the program. */
export const footer = (tenant: TenantSettings) => [
  '---',
  `送信者 / Sender: ${tenant.channels.email?.senderName ?? tenant.name.ja}`,
  tenant.postalAddress,
  `お問い合わせ / Contact: ${tenant.desk.name} ${tenant.desk.phone} ${tenant.desk.email}`,
]

/**
 * To the owner of an address someone registered again: no second subscription, and their own
 * manage link, so a person who forgot they registered finds their settings.
 */
export function alreadyRegisteredMessage(
  tenant: TenantSettings,
  channel: Channel,
  to: string,
  manageUrl: string,
  key: string,
): OutgoingMessage {
  if (channel === 'sms') {
    return {
      idempotencyKey: key,
      tenant: tenant.slug,
      channel,
      to,
      text: `【${smsSender(tenant)}】この番号は登録済みです。変更はこちら ${manageUrl}`,
    }
  }
  return {
    idempotencyKey: key,
    tenant: tenant.slug,
    channel,
    to,
    subject: `【${tenant.name.ja}】ご登録について / About your registration`,
    text: [
      `${tenant.name.ja}の「寄り添い」に、このメールアドレスで登録のお申し込みがありました。`,
      'このアドレスはすでに登録されているため、新しい登録は作っていません。',
      '登録内容の確認・変更は、こちらからできます。',
      manageUrl,
      'お心当たりがない場合は、このメールを削除してください。',
      '',
      'Someone asked to register this address, which is already registered, so nothing new was made.',
      'You can see and change your registration at the link above.',
      '',
      ...footer(tenant),
    ].join('\n'),
    ...emailFrom(tenant),
  }
}

/** The link that proves a new email address before it replaces the old one. */
export function changeLinkMessage(
  tenant: TenantSettings,
  to: string,
  url: string,
  key: string,
): OutgoingMessage {
  return {
    idempotencyKey: key,
    tenant: tenant.slug,
    channel: 'email',
    to,
    subject: `【${tenant.name.ja}】受け取り先の確認 / Please confirm`,
    text: [
      `${tenant.name.ja}の「寄り添い」の受け取り先を、このメールアドレスに変える手続きです。`,
      '下のリンクを開いて確定してください（24時間有効）。確定するまでは、これまでの受け取り先に届きます。',
      url,
      'お心当たりがない場合は、このメールを削除してください。',
      '',
      'Open the link above to receive yorisoi at this address (valid for 24 hours).',
      'Until then, messages keep going to the current address. If this was not you, delete this email.',
      '',
      ...footer(tenant),
    ].join('\n'),
    ...emailFrom(tenant),
  }
}

/**
 * To the address a change replaced, through its own channel: where messages go now (masked) and
 * the "not me" link (14 days) that puts it back.
 */
export function undoNoticeMessage(
  tenant: TenantSettings,
  to: { channel: Channel; address: string },
  url: string,
  masked: string,
  key: string,
): OutgoingMessage {
  const base = { idempotencyKey: key, tenant: tenant.slug, channel: to.channel, to: to.address }
  if (to.channel === 'sms') {
    return {
      ...base,
      text: `【${smsSender(tenant)}】受け取り先が変更されました。心当たりがなければ14日以内に ${url}`,
    }
  }
  const text = [
    `${tenant.name.ja}の「寄り添い」の受け取り先が、${masked} に変更されました。`,
    'お心当たりがない場合は、14日以内に下のリンクを開いて元に戻してください。元に戻すと、変更した人は登録内容のページを開けなくなります。',
    url,
    'ご自分で変更した場合は、このままで大丈夫です。',
    '',
    `Where your yorisoi messages go was changed to ${masked}.`,
    'If this was not you, open the link above within 14 days to undo it: whoever changed it can then no longer open your registration page.',
    'If it was you, nothing needs doing.',
  ]
  if (to.channel === 'line') return { ...base, text: text.join('\n') }
  return {
    ...base,
    subject: `【${tenant.name.ja}】受け取り先が変更されました / Where your messages go was changed`,
    text: [...text, '', ...footer(tenant)].join('\n'),
    ...emailFrom(tenant),
  }
}

/** LINE replies: short, Japanese then English. */
export const lineReplies = {
  askForCode: (tenant: TenantSettings) =>
    `${tenant.name.ja}の「寄り添い」です。友だち追加ありがとうございます。\n登録ページに表示された8けたのコードを、このトークに送ってください。\n\nThank you for adding us. Please send the 8-digit code shown on the registration page.`,
  linked: (manageUrl: string) =>
    `登録が確定しました。次の配信時刻から、このLINEにお便りをお届けします。\n登録内容の確認・変更: ${manageUrl}\n\nYou are registered; messages come here from the next send time.`,
  changed: (manageUrl: string) =>
    `受け取り先をこのLINEに変えました。\n登録内容の確認・変更: ${manageUrl}\n\nMessages now come to this LINE account.`,
  already: (manageUrl: string) =>
    `このLINEはすでに登録されています。新しい登録は作っていません。\n登録内容の確認・変更: ${manageUrl}\n\nThis LINE account is already registered; nothing new was made.`,
  unknown: () =>
    'コードが見つかりませんでした。登録ページに表示された8けたの数字を、もう一度お確かめください。\n\nWe could not find that code. Please check the 8 digits on the registration page.',
  expired: () =>
    'このコードは期限が切れています。登録ページの「新しいコードを表示」を押して、新しいコードを送ってください。\n\nThis code has expired. Press “Show a new code” on the registration page and send the new one.',
  limited: () =>
    'コードの送信が続いたため、いったん受付を止めています。1時間ほどしてから、もう一度お試しください。\n\nToo many codes were sent; please try again in about an hour.',
}

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
