import type { TenantSettings } from '../../shared/contract'
import { wording } from '../../shared/languages/wording'
import { letter, smsMessage } from './letter'
import { codeLifetimeMinutes } from './verification'

// Codes and confirm links by SMS, and the LINE account's replies while a code links it.

export const smsCodeMessage = (
  tenant: TenantSettings,
  to: string,
  code: string,
  key: string,
  language: string | undefined,
) => smsMessage(tenant, to, key, codeWording(code), language)

/** The confirm link a town's counter texts to a resident it registered, in the resident's language. */
export const counterConfirmMessage = (
  tenant: TenantSettings,
  to: string,
  url: string,
  key: string,
  language: string | undefined,
) =>
  smsMessage(
    tenant,
    to,
    key,
    wording(
      '登録の確定はこちら（7日間有効）{url}',
      'Confirm your registration here (valid for 7 days): {url}',
      { url },
    ),
    language,
  )

/** The code SMS's words (after the sender), for a test to word them as the resident gets them. */
export const codeWording = (code: string) =>
  wording('確認コード {code}（{minutes}分有効）', 'Your code: {code} (valid {minutes} min)', {
    code,
    minutes: codeLifetimeMinutes.sms,
  })

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
