import type { Announcement, AnnouncementText, Channel, TenantSettings } from '../contract'
import { neutralSubject } from '../contract'
import { measureSms, smsCharacterCap } from '../sms'
import { escapeHtml } from './html'
import { lineMessageLimit, lineTextLimit } from './line'
import { languageChain } from './select'
import { say } from './strings'

export interface AnnouncementReader {
  nickname: string
  language: string
  channel: Channel
}

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

type Wording = Pick<Announcement, 'urgent' | 'texts' | 'url'>

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
  if (reader.channel === 'sms') return sms(tenant, announcement, chosen, links)
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

/** Fixed words follow the text's language: Japanese, or English for every other language. */
const inJapanese = (language: string) => language === 'ja'

const townIn = (tenant: AnnouncementSender, language: string) =>
  inJapanese(language) ? tenant.name.ja : tenant.name.en

function marking(tenant: AnnouncementSender, urgent: boolean, language: string): string {
  const town = townIn(tenant, language)
  return inJapanese(language)
    ? `${urgent ? '【緊急】' : ''}【${town}からのお知らせ】`
    : `${urgent ? '[URGENT] ' : ''}[Notice from ${town}]`
}

/** The marking and a title on one line (subject, SMS): Japanese brackets need no space. */
const titled = (mark: string, title: string, language: string) =>
  inJapanese(language) ? `${mark}${title}` : `${mark} ${title}`

const linkWords = {
  url: { ja: '詳しくはこちら', en: 'More details' },
  page: { ja: 'ウェブで読む', en: 'Read on the web' },
}
const wordIn = (words: { ja: string; en: string }, language: string) =>
  inJapanese(language) ? words.ja : words.en

const stopWords = (tenant: AnnouncementSender, language: string) =>
  say(
    {
      ja: `${tenant.name.ja}からのお知らせ（緊急のものを除く）を受け取らない設定はこちら`,
      en: `To stop notices from ${tenant.name.en} (urgent ones still come)`,
    },
    language,
  )

interface Section {
  wording: AnnouncementText
  marking: string
  text: string
}

/** One language's part: the marking and title, the body, the optional link and the page link. */
function section(
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
function subjectOf(tenant: AnnouncementSender, announcement: Wording, chosen: AnnouncementText): string {
  const mark = marking(tenant, announcement.urgent, chosen.language)
  return neutralSubject.safeParse(chosen.title).success ? titled(mark, chosen.title, chosen.language) : mark
}

function footerLines(tenant: AnnouncementSender, language: string): string[] {
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

const font =
  "-apple-system,BlinkMacSystemFont,'Hiragino Sans','Hiragino Kaku Gothic ProN','Noto Sans JP',Meiryo,sans-serif"

interface EmailParts {
  subject: string
  chosen: AnnouncementText
  sections: readonly Section[]
  stop: string | null
  footer: readonly string[]
  links: AnnouncementLinks
  readerLanguage: string
}

/** The email as the daily one looks (house style, inline styles), every text and URL escaped. */
function emailHtml(tenant: AnnouncementSender, announcement: Wording, parts: EmailParts): string {
  const accent = tenant.branding.accentColor
  const flag = announcement.urgent ? '#b42318' : accent
  const a = `color:${accent};text-decoration:underline;`
  const link = (href: string, text: string) =>
    `<a href="${escapeHtml(href)}" style="${a}">${escapeHtml(text)}</a>`
  const paragraphs = (body: string) =>
    body
      .trim()
      .split(/\n\s*\n/)
      .map((p) => `<p style="margin:0 0 16px;">${escapeHtml(p.trim()).replaceAll('\n', '<br>')}</p>`)
      .join('\n')
  const hr = '<hr style="border:none;border-top:1px solid #e3e3e0;margin:24px 0;">'
  const small = 'margin:0;font-size:13px;line-height:1.7;color:#555555;'
  const sections = parts.sections.map(({ wording, marking: mark }) => {
    const lang = wording.language
    const url = announcement.url
      ? `<p style="margin:0 0 8px;">${link(announcement.url, wordIn(linkWords.url, lang))}<br><span style="font-size:13px;color:#555555;">${escapeHtml(announcement.url)}</span></p>`
      : ''
    return [
      `<div lang="${escapeHtml(lang)}">`,
      `<p style="margin:0 0 8px;padding:4px 10px;border-left:4px solid ${flag};font-weight:bold;color:${flag};">${escapeHtml(mark)}</p>`,
      `<h1 style="margin:8px 0 16px;font-size:20px;line-height:1.5;">${escapeHtml(wording.title)}</h1>`,
      paragraphs(wording.body),
      url,
      `<p style="margin:0 0 16px;">${link(parts.links.page, wordIn(linkWords.page, lang))}</p>`,
      '</div>',
    ].join('\n')
  })
  const stop = parts.stop
    ? `<p style="${small}margin-bottom:8px;">${escapeHtml(stopWords(tenant, parts.readerLanguage))}: ${link(parts.links.manage, parts.links.manage)}</p>`
    : ''
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(parts.chosen.language)}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(parts.subject)}</title></head>`,
    '<body style="margin:0;padding:0;background:#f0f0ec;">',
    `<div style="max-width:600px;margin:0 auto;padding:20px 16px;background:#ffffff;color:#222222;font-family:${font};font-size:16px;line-height:1.8;word-break:break-word;overflow-wrap:anywhere;">`,
    sections.join(hr),
    hr,
    stop,
    `<p style="${small}">${parts.footer.map((line) => escapeHtml(line)).join('<br>')}</p>`,
    '</div></body></html>',
  ].join('\n')
}

/**
 * One text: the marking and title, the short text when there is one, the page link. A short text
 * that would pass the 660 cap is cut with … (the page carries it whole); the rest always fits.
 */
function sms(
  tenant: AnnouncementSender,
  announcement: Wording,
  chosen: AnnouncementText,
  links: AnnouncementLinks,
): RenderedAnnouncement {
  const head = titled(marking(tenant, announcement.urgent, chosen.language), chosen.title, chosen.language)
  const compose = (short: string) => [head, short, links.page].filter(Boolean).join('\n')
  let short = chosen.shortText?.trim() ?? ''
  let text = compose(short)
  while (short && measureSms(text).characters > smsCharacterCap) {
    const over = measureSms(text).characters - smsCharacterCap
    short = `${Array.from(short)
      .slice(0, -Math.max(2, over + 1))
      .join('')
      .trimEnd()}…`
    if (short === '…') short = ''
    text = compose(short)
  }
  const measure = measureSms(text)
  return {
    language: chosen.language,
    japaneseBeneath: false,
    text,
    smsSegments: measure.segments,
    smsCharacters: measure.characters,
  }
}
