import type { Announcement, AnnouncementText, TenantSettings } from '../contract'
import { neutralSubject } from '../contract'
import { say } from './strings'

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

/** Fixed words follow the text's language: Japanese, or English for every other language. */
const inJapanese = (language: string) => language === 'ja'

const townIn = (tenant: AnnouncementSender, language: string) =>
  inJapanese(language) ? tenant.name.ja : tenant.name.en

export function marking(tenant: AnnouncementSender, urgent: boolean, language: string): string {
  const town = townIn(tenant, language)
  return inJapanese(language)
    ? `${urgent ? '【緊急】' : ''}【${town}からのお知らせ】`
    : `${urgent ? '[URGENT] ' : ''}[Notice from ${town}]`
}

/** The marking and a title on one line (subject, SMS): Japanese brackets need no space. */
export const titled = (mark: string, title: string, language: string) =>
  inJapanese(language) ? `${mark}${title}` : `${mark} ${title}`

export const linkWords = {
  url: { ja: '詳しくはこちら', en: 'More details' },
  page: { ja: 'ウェブで読む', en: 'Read on the web' },
}
export const wordIn = (words: { ja: string; en: string }, language: string) =>
  inJapanese(language) ? words.ja : words.en

export const stopWords = (tenant: AnnouncementSender, language: string) =>
  say(
    {
      ja: `${tenant.name.ja}からのお知らせ（緊急のものを除く）を受け取らない設定はこちら`,
      en: `To stop notices from ${tenant.name.en} (urgent ones still come)`,
    },
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
    ...(announcement.url ? [`${wordIn(linkWords.url, wording.language)}: ${announcement.url}`] : []),
    `${wordIn(linkWords.page, wording.language)}: ${links.page}`,
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
  return neutralSubject.safeParse(chosen.title).success ? titled(mark, chosen.title, chosen.language) : mark
}

export function footerLines(tenant: AnnouncementSender, language: string): string[] {
  const { desk } = tenant
  return [
    say(
      {
        ja: 'このメールは、お便りの受け取りに登録された方に自治体からお送りしています。',
        en: 'You receive this email from the town because you signed up for its notes.',
      },
      language,
    ),
    `${say({ ja: '送信者', en: 'Sender' }, language)}: ${tenant.name.ja}`,
    tenant.postalAddress,
    `${say({ ja: 'お問い合わせ', en: 'Contact' }, language)}: ${desk.name} ${desk.phone} ${desk.email}`,
  ]
}
