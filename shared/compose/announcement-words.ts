import type { Announcement, AnnouncementText, TenantSettings } from '../contract'
import { neutralSubject } from '../contract'
import { wording } from '../languages/wording'
import { named, say, sayShort } from './strings'

// The fixed words around an announcement's text, the same on every channel.

export interface AnnouncementLinks {
  /** The announcement's own page (/n/{token}), where it is read whole. */
  page: string
  /** The resident's manage page, where non-urgent notices can be turned off. */
  manage: string
}

/** What of the town an announcement shows: its name, its colour, and who sends (every email says). */
export type AnnouncementSender = Pick<
  TenantSettings,
  'name' | 'languages' | 'branding' | 'postalAddress' | 'desk'
>

export type Wording = Pick<Announcement, 'urgent' | 'texts' | 'url'>

// The marking and the link words sit beside a text and follow its language alone (worded from the
// catalogues); how to stop and the footer speak to the reader: their language, then the Japanese.

export function marking(tenant: AnnouncementSender, urgent: boolean, language: string): string {
  const mark = urgent
    ? wording('【緊急】【{town}からのお知らせ】', '[URGENT] [Notice from {town}]')
    : wording('【{town}からのお知らせ】', '[Notice from {town}]')
  return sayShort(named(mark, { town: tenant.name }), language)
}

/** The marking and a title on one line (subject, SMS): Japanese brackets need no space. */
export const titled = (mark: string, title: string) =>
  mark.endsWith('】') ? `${mark}${title}` : `${mark} ${title}`

export const linkWords = {
  url: wording('詳しくはこちら', 'More details'),
  page: wording('ウェブで読む', 'Read on the web'),
}

export const stopWords = (tenant: AnnouncementSender, language: string) =>
  say(
    named(
      wording(
        '{town}からのお知らせ（緊急のものを除く）を受け取らない設定はこちら',
        'To stop notices from {town} (urgent ones still come)',
      ),
      { town: tenant.name },
    ),
    language,
  )

export interface Section {
  wording: AnnouncementText
  marking: string
  text: string
}

/** One language's part: the marking and title, the body, the optional link and the page link. */
export function section(
  tenant: AnnouncementSender,
  announcement: Wording,
  wording: AnnouncementText,
  links: AnnouncementLinks,
): Section {
  const mark = marking(tenant, announcement.urgent, wording.language)
  const linkLines = [
    ...(announcement.url ? [`${sayShort(linkWords.url, wording.language)}: ${announcement.url}`] : []),
    `${sayShort(linkWords.page, wording.language)}: ${links.page}`,
  ]
  const text = [`${mark}\n${wording.title}`, wording.body.trim(), linkLines.join('\n')].join('\n\n')
  return { wording, marking: mark, text }
}

/** The title rides in the subject only when an inbox list would not read a pregnancy or a loss in it. */
export function subjectOf(
  tenant: AnnouncementSender,
  announcement: Wording,
  chosen: AnnouncementText,
): string {
  const mark = marking(tenant, announcement.urgent, chosen.language)
  return neutralSubject.safeParse(chosen.title).success ? titled(mark, chosen.title) : mark
}

export function footerLines(tenant: AnnouncementSender, language: string): string[] {
  const { desk } = tenant
  return [
    say(
      wording(
        'このメールは、お便りの受け取りに登録された方に自治体からお送りしています。',
        'You receive this email from the town because you signed up for its notes.',
      ),
      language,
    ),
    `${say(wording('送信者', 'Sender'), language)}: ${tenant.name.ja}`,
    tenant.postalAddress,
    `${say(wording('お問い合わせ', 'Contact'), language)}: ${desk.name} ${desk.phone} ${desk.email}`,
  ]
}
