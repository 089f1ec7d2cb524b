import type { Announcement, AnnouncementText, Channel } from '../contract'
import { emailHtml } from './announcement-email'
import { announcementSms } from './announcement-sms'
import {
  type AnnouncementLinks,
  type AnnouncementSender,
  footerLines,
  section,
  stopWords,
  subjectOf,
  type Wording,
} from './announcement-words'
import { lineMessageLimit, lineTextLimit } from './line'
import { languageChain } from './select'

export type { AnnouncementLinks, AnnouncementSender } from './announcement-words'

export interface AnnouncementReader {
  nickname: string
  language: string
  channel: Channel
}

/** An announcement rendered for one reader on one channel, before it is addressed. */
export interface RenderedAnnouncement {
  /** The language of the text chosen (the reader's, or the town's fallback, or Japanese). */
  language: string
  /** Whether the Japanese text follows the reader's (email and LINE, when the chosen text is not Japanese). */
  japaneseBeneath: boolean
  subject?: string
  text: string
  html?: string
  bubbles?: string[]
  /** SMS only: segments as the carrier counts them. */
  smsSegments?: number
  /** SMS only: characters as the carrier counts them (at most the 660 cap). */
  smsCharacters?: number
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

/**
 * An announcement on one channel. It never looks like the daily message: it opens with the town's
 * お知らせ marking (【緊急】 first when urgent), and a non-urgent one ends with how to stop the town's
 * notices — an urgent one reaches even those who stopped them, so it does not offer that.
 */
export function renderAnnouncement(
  tenant: AnnouncementSender,
  announcement: Wording,
  reader: AnnouncementReader,
  links: AnnouncementLinks,
): RenderedAnnouncement {
  const chosen = announcementTextFor(announcement, reader.language, tenant.languages.fallback)
  if (reader.channel === 'sms') {
    const sms = announcementSms(tenant, announcement, chosen, links)
    return {
      language: chosen.language,
      japaneseBeneath: false,
      text: sms.text,
      smsSegments: sms.segments,
      smsCharacters: sms.characters,
    }
  }
  const japanese =
    chosen.language === 'ja' ? null : (announcement.texts.find((t) => t.language === 'ja') ?? null)
  const sections = [chosen, ...(japanese ? [japanese] : [])].map((text) =>
    section(tenant, announcement, text, links),
  )
  const stop = announcement.urgent ? null : `${stopWords(tenant, reader.language)}: ${links.manage}`
  const base = { language: chosen.language, japaneseBeneath: japanese !== null }
  if (reader.channel === 'line') {
    const bubbles = sections.map((s) => s.text.slice(0, lineTextLimit)).slice(0, lineMessageLimit)
    if (stop) bubbles[bubbles.length - 1] = `${bubbles.at(-1)}\n\n${stop}`
    return { ...base, text: bubbles.join('\n\n'), bubbles }
  }
  const footer = footerLines(tenant, reader.language)
  const subject = subjectOf(tenant, announcement, chosen)
  return {
    ...base,
    subject,
    text: [...sections.map((s) => s.text), [...(stop ? [stop] : []), ...footer].join('\n')].join(rule),
    html: emailHtml(tenant, announcement, {
      subject,
      chosen,
      sections,
      stop,
      footer,
      links,
      readerLanguage: reader.language,
    }),
  }
}

const rule = '\n\n――――――――\n\n'
