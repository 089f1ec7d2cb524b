import type { AnnouncementText } from '../contract'
import {
  type AnnouncementLinks,
  type AnnouncementSender,
  linkWords,
  type Section,
  stopWords,
  type Wording,
} from './announcement-words'
import { escapeHtml } from './html'
import { sayShort } from './strings'

const font =
  "-apple-system,BlinkMacSystemFont,'Hiragino Sans','Hiragino Kaku Gothic ProN','Noto Sans JP',Meiryo,sans-serif"

export interface EmailParts {
  subject: string
  chosen: AnnouncementText
  sections: readonly Section[]
  stop: string | null
  footer: readonly string[]
  links: AnnouncementLinks
  readerLanguage: string
}

/** The email as the daily one looks (house style, inline styles), every text and URL escaped. */
export function emailHtml(tenant: AnnouncementSender, announcement: Wording, parts: EmailParts): string {
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
      ? `<p style="margin:0 0 8px;">${link(announcement.url, sayShort(linkWords.url, lang))}<br><span style="font-size:13px;color:#555555;">${escapeHtml(announcement.url)}</span></p>`
      : ''
    return [
      `<div lang="${escapeHtml(lang)}">`,
      `<p style="margin:0 0 8px;padding:4px 10px;border-left:4px solid ${flag};font-weight:bold;color:${flag};">${escapeHtml(mark)}</p>`,
      `<h1 style="margin:8px 0 16px;font-size:20px;line-height:1.5;">${escapeHtml(wording.title)}</h1>`,
      paragraphs(wording.body),
      url,
      `<p style="margin:0 0 16px;">${link(parts.links.page, sayShort(linkWords.page, lang))}</p>`,
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
