import type { Channel, TenantSettings } from '../../shared/contract'
import { type Wording, wordIn, wording } from '../../shared/languages/wording'
import type { OutgoingMessage } from '../channels/adapter'
import { codeLifetimeMinutes } from './verification'

// What residents receive while an address is being proved, in the language they chose (the pending
// registration's or the subscriber's; its fallback where a text is not translated yet). An SMS is in
// that language only and stays within one 70-character UCS-2 segment where it can; an email or a
// LINE reply gives the same lines in Japanese beneath, for family and the town's desk. A reader not
// known yet (`undefined`: a LINE friend before their code) gets Japanese, then English. The town
// keeps its Japanese name in every language. Nothing names pregnancy or a child.

export const smsSender = (tenant: TenantSettings) => tenant.channels.sms?.senderName ?? tenant.name.ja

/** A text in the reader's language only (an SMS, a subject's words). */
const only = (text: Wording, language: string | undefined) => wordIn(text, language ?? 'ja').text

/** An SMS: the sender in brackets, then the text in the reader's language only. */
const sms = (tenant: TenantSettings, text: Wording, language: string | undefined) =>
  `【${smsSender(tenant)}】${only(text, language)}`

/** A line of a longer text: worded, or as is (a link, an address) in every language. */
type Line = Wording | string

const japaneseScript = (lang: string) => lang === 'ja' || lang === 'ja-x-easy'

function block(lines: readonly Line[], tag: string): { text: string; japanese: boolean } {
  let japanese = true
  const text = lines
    .map((line) => {
      if (typeof line === 'string') return line
      const worded = wordIn(line, tag)
      if (!japaneseScript(worded.lang)) japanese = false
      return worded.text
    })
    .join('\n')
  return { text, japanese }
}

/** Lines in the reader's language, then in Japanese when theirs came out in another script. */
export function letter(language: string | undefined, lines: readonly Line[]): string {
  const ja = block(lines, 'ja').text
  if (language === undefined) return `${ja}\n\n${block(lines, 'en').text}`
  const own = block(lines, language)
  return own.japanese ? own.text : `${own.text}\n\n${ja}`
}

/** One line: the reader's words, then the Japanese (one when the same); Japanese / English for no one known. */
export function pair(text: Wording, language: string | undefined): string {
  const ja = only(text, 'ja')
  if (language === undefined) return `${ja} / ${only(text, 'en')}`
  const own = only(text, language)
  return own === ja ? ja : `${own} / ${ja}`
}

export const subject = (tenant: TenantSettings, text: Wording, language: string | undefined) =>
  `【${tenant.name.ja}】${pair(text, language)}`

export function smsCodeMessage(
  tenant: TenantSettings,
  to: string,
  code: string,
  key: string,
  language: string | undefined,
): OutgoingMessage {
  return {
    idempotencyKey: key,
    tenant: tenant.slug,
    channel: 'sms',
    to,
    text: sms(tenant, codeWording(code), language),
  }
}

/** The confirm link a town's counter texts to a resident it registered, in the resident's language. */
export function counterConfirmText(
  tenant: TenantSettings,
  url: string,
  language: string | undefined,
): string {
  return sms(
    tenant,
    wording(
      '登録の確定はこちら（7日間有効）{url}',
      'Confirm your registration here (valid for 7 days): {url}',
      { url },
    ),
    language,
  )
}

/** The code SMS's words (after the sender), for a test to word them as the resident gets them. */
export const codeWording = (code: string) =>
  wording('確認コード {code}（{minutes}分有効）', 'Your code: {code} (valid {minutes} min)', {
    code,
    minutes: codeLifetimeMinutes.sms,
  })

/** The tenant's sender identity for an email it sends. */
export const emailFrom = (tenant: TenantSettings) =>
  tenant.channels.email
    ? {
        from: `${tenant.channels.email.senderName} <${tenant.channels.email.fromAddress}>`,
        ...(tenant.channels.email.replyTo ? { replyTo: tenant.channels.email.replyTo } : {}),
      }
    : {}

/** The sender and the town's desk, at the end of every email a town sends outside the program. */
export const footer = (tenant: TenantSettings, language?: string) => [
  '---',
  `${pair(wording('送信者', 'Sender'), language)}: ${tenant.channels.email?.senderName ?? tenant.name.ja}`,
  tenant.postalAddress,
  `${pair(wording('お問い合わせ', 'Contact'), language)}: ${tenant.desk.name} ${tenant.desk.phone} ${tenant.desk.email}`,
]

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
  if (channel === 'sms') {
    return {
      idempotencyKey: key,
      tenant: tenant.slug,
      channel,
      to,
      text: sms(
        tenant,
        wording(
          'この番号は登録済みです。変更はこちら {url}',
          'This number is already registered. Settings: {url}',
          {
            url: manageUrl,
          },
        ),
        language,
      ),
    }
  }
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
  const base = { idempotencyKey: key, tenant: tenant.slug, channel: to.channel, to: to.address }
  if (to.channel === 'sms') {
    return {
      ...base,
      text: sms(
        tenant,
        wording(
          '受け取り先が変更されました。心当たりがなければ14日以内に {url}',
          'Where your messages go was changed. Not you? Within 14 days: {url}',
          { url },
        ),
        language,
      ),
    }
  }
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

const manageLine = (manageUrl: string) =>
  wording('登録内容の確認・変更: {url}', 'See or change your registration: {url}', { url: manageUrl })

/**
 * LINE replies: short, in the reader's language then the Japanese; before a code names the
 * registration (`language` undefined), Japanese then English.
 */
export const lineReplies = {
  askForCode: (tenant: TenantSettings, language?: string) =>
    letter(language, [
      wording(
        '{town}の「寄り添い」です。友だち追加ありがとうございます。',
        'This is yorisoi from {town}. Thank you for adding us.',
        { town: tenant.name.ja, townEn: tenant.name.en },
      ),
      wording(
        '登録ページに表示された8けたのコードを、このトークに送ってください。',
        'Please send the 8-digit code shown on the registration page.',
      ),
    ]),
  linked: (manageUrl: string, language?: string) =>
    letter(language, [
      wording(
        '登録が確定しました。次の配信時刻から、このLINEにお便りをお届けします。',
        'You are registered; messages come here from the next send time.',
      ),
      manageLine(manageUrl),
    ]),
  changed: (manageUrl: string, language?: string) =>
    letter(language, [
      wording('受け取り先をこのLINEに変えました。', 'Messages now come to this LINE account.'),
      manageLine(manageUrl),
    ]),
  already: (manageUrl: string, language?: string) =>
    letter(language, [
      wording(
        'このLINEはすでに登録されています。新しい登録は作っていません。',
        'This LINE account is already registered; nothing new was made.',
      ),
      manageLine(manageUrl),
    ]),
  unknown: (language?: string) =>
    letter(language, [
      wording(
        'コードが見つかりませんでした。登録ページに表示された8けたの数字を、もう一度お確かめください。',
        'We could not find that code. Please check the 8 digits on the registration page.',
      ),
    ]),
  expired: (language?: string) =>
    letter(language, [
      wording(
        'このコードは期限が切れています。登録ページの「新しいコードを表示」を押して、新しいコードを送ってください。',
        'This code has expired. Press “Show a new code” on the registration page and send the new one.',
      ),
    ]),
  limited: (language?: string) =>
    letter(language, [
      wording(
        'コードの送信が続いたため、いったん受付を止めています。1時間ほどしてから、もう一度お試しください。',
        'Too many codes were sent; please try again in about an hour.',
      ),
    ]),
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
