import type { Announcement, AnnouncementText, Channel, TenantSettings } from '../contract'
import { measureSms } from '../sms'
import { languageChain } from './select'

export interface AnnouncementReader {
  nickname: string
  language: string
  channel: Channel
}

export interface AnnouncementLinks {
  /** The announcement's own page (/m/{token}), where it is read whole. */
  page: string
  /** The resident's manage page, where non-urgent notices can be turned off. */
  manage: string
}

/** An announcement rendered for one reader on one channel, before it is addressed. */
export interface RenderedAnnouncement {
  /** The language of the text chosen (the reader's, or the town's fallback, or Japanese). */
  language: string
  subject?: string
  text: string
  html?: string
  bubbles?: string[]
  /** SMS only: segments as the carrier counts them. */
  smsSegments?: number
}

/** The text in the reader's language, else along the town's fallback, else Japanese. */
export function announcementTextFor(
  announcement: Pick<Announcement, 'texts'>,
  language: string,
  fallback: readonly string[],
): AnnouncementText {
  for (const lang of languageChain(language, [...fallback, 'ja'])) {
    const text = announcement.texts.find((t) => t.language === lang)
    if (text) return text
  }
  return announcement.texts[0]!
}

/** The first wording: title, body and the page link, on every channel. */
export function renderAnnouncement(
  tenant: TenantSettings,
  announcement: Announcement,
  reader: AnnouncementReader,
  links: AnnouncementLinks,
): RenderedAnnouncement {
  const chosen = announcementTextFor(announcement, reader.language, tenant.languages.fallback)
  const heading = `【${tenant.name.ja}からのお知らせ】${chosen.title}`
  if (reader.channel === 'sms') {
    const text = `${heading}\n${chosen.shortText ?? ''}\n${links.page}`.replace(/\n\n/g, '\n')
    return { language: chosen.language, text, smsSegments: measureSms(text).segments }
  }
  const text = [heading, '', chosen.body, '', links.page].join('\n')
  if (reader.channel === 'line') return { language: chosen.language, text, bubbles: [text] }
  return { language: chosen.language, subject: `【${tenant.name.ja}】お知らせ`, text }
}
