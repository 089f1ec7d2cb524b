import type { Channel, TenantSettings } from '../../shared/contract'
import { wording } from '../../shared/languages/wording'
import type { OutgoingMessage } from '../channels/adapter'
import { emailFrom, footer, letter, smsMessage, subject } from './letter'

// To the owner of an address: already registered, a change to prove, a change to undo.

const notYou = wording(
  'お心当たりがない場合は、このメールを削除してください。',
  'If this was not you, please delete this email.',
)

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
  language: string | undefined,
): OutgoingMessage {
  if (channel === 'sms')
    return smsMessage(
      tenant,
      to,
      key,
      wording(
        'この番号は登録済みです。変更はこちら {url}',
        'This number is already registered. Settings: {url}',
        { url: manageUrl },
      ),
      language,
    )
  const town = tenant.name.ja
  return {
    idempotencyKey: key,
    tenant: tenant.slug,
    channel,
    to,
    subject: subject(tenant, wording('ご登録について', 'About your registration'), language),
    text: [
      letter(language, [
        wording(
          '{town}の「寄り添い」に、このメールアドレスで登録のお申し込みがありました。',
          'Someone asked to register this address with yorisoi from {town}.',
          { town },
        ),
        wording(
          'このアドレスはすでに登録されているため、新しい登録は作っていません。',
          'This address is already registered, so nothing new was made.',
        ),
        wording(
          '登録内容の確認・変更は、こちらからできます。',
          'You can see and change your registration here:',
        ),
        manageUrl,
        notYou,
      ]),
      '',
      ...footer(tenant, language),
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
  language: string | undefined,
): OutgoingMessage {
  return {
    idempotencyKey: key,
    tenant: tenant.slug,
    channel: 'email',
    to,
    subject: subject(tenant, wording('受け取り先の確認', 'Please confirm'), language),
    text: [
      letter(language, [
        wording(
          '{town}の「寄り添い」の受け取り先を、このメールアドレスに変える手続きです。',
          'You asked to receive yorisoi from {town} at this address.',
          { town: tenant.name.ja, townEn: tenant.name.en },
        ),
        wording(
          '下のリンクを開いて確定してください（24時間有効）。確定するまでは、これまでの受け取り先に届きます。',
          'Open the link below to confirm (valid for 24 hours). Until then, messages keep going to the current address.',
        ),
        url,
        notYou,
      ]),
      '',
      ...footer(tenant, language),
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
  language: string | undefined,
): OutgoingMessage {
  if (to.channel === 'sms')
    return smsMessage(
      tenant,
      to.address,
      key,
      wording(
        '受け取り先が変更されました。心当たりがなければ14日以内に {url}',
        'Where your messages go was changed. Not you? Within 14 days: {url}',
        { url },
      ),
      language,
    )
  const base = { idempotencyKey: key, tenant: tenant.slug, channel: to.channel, to: to.address }
  const text = letter(language, [
    wording(
      '{town}の「寄り添い」の受け取り先が、{masked} に変更されました。',
      'Where your yorisoi messages from {town} go was changed to {masked}.',
      { town: tenant.name.ja, townEn: tenant.name.en, masked },
    ),
    wording(
      'お心当たりがない場合は、14日以内に下のリンクを開いて元に戻してください。元に戻すと、変更した人は登録内容のページを開けなくなります。',
      'If this was not you, open the link below within 14 days to undo it: whoever changed it can then no longer open your registration page.',
    ),
    url,
    wording('ご自分で変更した場合は、このままで大丈夫です。', 'If it was you, nothing needs doing.'),
  ])
  if (to.channel === 'line') return { ...base, text }
  return {
    ...base,
    subject: subject(
      tenant,
      wording('受け取り先が変更されました', 'Where your messages go was changed'),
      language,
    ),
    text: [text, '', ...footer(tenant, language)].join('\n'),
    ...emailFrom(tenant),
  }
}
