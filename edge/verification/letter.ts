import type { TenantSettings } from '../../shared/contract'
import { type Wording, wordIn, wording } from '../../shared/languages/wording'
import type { OutgoingMessage } from '../channels/adapter'

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
export const sms = (tenant: TenantSettings, text: Wording, language: string | undefined) =>
  `【${smsSender(tenant)}】${only(text, language)}`

/** The SMS `text` to the number `to`, under `key` (one send however often it is retried). */
export const smsMessage = (
  tenant: TenantSettings,
  to: string,
  key: string,
  text: Wording,
  language: string | undefined,
): OutgoingMessage & { channel: 'sms' } => ({
  idempotencyKey: key,
  tenant: tenant.slug,
  channel: 'sms',
  to,
  text: sms(tenant, text, language),
})

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
