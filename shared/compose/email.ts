import type { Composition } from './composition'
import { blocksToHtml, escapeHtml, type HtmlStyles } from './html'
import { textSections } from './sections'
import { joined, say, strings } from './strings'
import { taskRuns } from './task-line'

export interface RenderedEmail {
  subject: string
  html: string
  text: string
  headers: Record<string, string>
}

const font =
  "-apple-system,BlinkMacSystemFont,'Hiragino Sans','Hiragino Kaku Gothic ProN','Noto Sans JP',Meiryo,sans-serif"

/**
 * The email for a composition. Every mail names its sender, postal address, a contact and an
 * unsubscribe link (特定電子メール法), and carries RFC 8058 one-click unsubscribe headers.
 */
export function renderEmail(composition: Composition): RenderedEmail {
  return {
    subject: composition.subject,
    html: emailHtml(composition),
    text: [...textSections(composition), footerLines(composition).join('\n')].join('\n\n――――――――\n\n'),
    headers: {
      'List-Unsubscribe': `<${composition.links.unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  }
}

function footerLines(composition: Composition): string[] {
  const { sender, links, language, consultation } = composition
  const name = sender.emailName ? `${sender.emailName}（${sender.tenantName}）` : sender.tenantName
  return [
    say(strings.footerReason, language),
    `${say(strings.sender, language)}: ${name}`,
    sender.postalAddress,
    `${say(strings.contact, language)}: ${consultation.deskName} ${sender.phone} ${sender.email}`,
    `${say(strings.unsubscribe, language)}: ${links.unsubscribeUrl}`,
    `${say(strings.settings, language)}: ${links.selfServiceUrl}`,
    `${say(strings.privacy, language)}: ${sender.privacyUrl}`,
  ]
}

function emailHtml(composition: Composition): string {
  const { sender, language, links, consultation, birthdayNote, survey, nurseNote } = composition
  const accent = sender.accentColor
  const styles: HtmlStyles = {
    p: 'margin:0 0 16px;',
    h: `margin:24px 0 8px;font-size:18px;line-height:1.5;color:${accent};`,
    ul: 'margin:0 0 16px;padding-left:20px;',
    li: 'margin:0 0 6px;',
    a: `color:${accent};text-decoration:underline;`,
  }
  const link = (href: string, text: string) =>
    `<a href="${escapeHtml(href)}" style="${styles.a}">${escapeHtml(text)}</a>`
  const box = (inner: string) =>
    `<div style="margin:24px 0;padding:12px 16px;border-left:4px solid ${accent};background:#f7f7f5;">${inner}</div>`
  const rule = '<hr style="border:none;border-top:1px solid #e3e3e0;margin:24px 0;">'

  // The mail marks one language, on <html>: that is the language around every body in it.
  const parts = composition.messages.map((message) => blocksToHtml(message.blocks, language, styles))
  if (composition.entries.length > 0) {
    const entries = composition.entries.map(
      (entry) =>
        `<h3 style="margin:16px 0 8px;font-size:17px;">${escapeHtml(entry.title)}</h3>` +
        (entry.note
          ? `<p style="${styles.p}" lang="${escapeHtml(language)}"><em>${escapeHtml(entry.note)}</em></p>`
          : '') +
        blocksToHtml(entry.blocks, language, styles) +
        (entry.url ? `<p style="${styles.p}">${link(entry.url, say(strings.entryLink, language))}</p>` : ''),
    )
    parts.push(
      `<h2 style="${styles.h}">${escapeHtml(joined(composition.entriesHeading))}</h2>${entries.join('')}`,
    )
  }
  const notes = [
    birthdayNote &&
      box(
        `<p style="${styles.p}">${escapeHtml(joined(birthdayNote.text))}</p><p style="margin:0;">${link(birthdayNote.url, joined(birthdayNote.linkText))}</p>`,
      ),
    survey &&
      box(
        `<p style="${styles.p}">${escapeHtml(joined(survey.text))}</p><p style="margin:0;">${link(survey.url, joined(survey.linkText))}</p>`,
      ),
    composition.task &&
      box(
        `<p style="${styles.p}">${taskRuns(composition.task)
          .map((run) => `<span lang="${escapeHtml(run.lang)}">${escapeHtml(run.text)}</span>`)
          .join('')}</p>` +
          composition.task.links
            .map((l) => `<p style="margin:0;">${link(l.url, l.linkText.text)}</p>`)
            .join(''),
      ),
    nurseNote && box(`<p style="margin:0;">${escapeHtml(nurseNote).replaceAll('\n', '<br>')}</p>`),
    box(
      `<p style="margin:0 0 8px;font-weight:bold;">${escapeHtml(say(strings.consultHeading, language))}</p>` +
        `<p style="margin:0 0 8px;">${escapeHtml(consultation.deskName)}<br>` +
        `${escapeHtml(say(strings.phone, language))} ${link(`tel:${consultation.phone.replaceAll('-', '')}`, consultation.phone)}（${escapeHtml(consultation.hours)}）</p>` +
        `<p style="margin:0;">${link(consultation.url, say(strings.consultLink, language))}</p>`,
    ),
    `<p style="${styles.p}">${link(links.messageUrl, say(strings.readOnWeb, language))}</p>`,
  ].filter(Boolean)

  const footer = footerLines(composition)
    .map((line) => linkify(line, styles.a!))
    .join('<br>')
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(language)}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(composition.subject)}</title></head>`,
    '<body style="margin:0;padding:0;background:#f0f0ec;">',
    `<div style="max-width:600px;margin:0 auto;padding:20px 16px;background:#ffffff;color:#222222;font-family:${font};font-size:16px;line-height:1.8;word-break:break-word;overflow-wrap:anywhere;">`,
    parts.join(rule),
    ...notes,
    rule,
    `<p style="margin:0;font-size:13px;line-height:1.7;color:#555555;">${footer}</p>`,
    '</div></body></html>',
  ].join('\n')
}

// Footer lines end in a URL where there is one; make it a link, escaping the rest.
function linkify(line: string, style: string): string {
  const match = line.match(/^(.*?)(https:\/\/\S+|http:\/\/(?:localhost|127\.0\.0\.1)(?::\d+)?\/\S*)$/)
  if (!match) return escapeHtml(line)
  const [, before, url] = match
  return `${escapeHtml(before!)}<a href="${escapeHtml(url!)}" style="${style}">${escapeHtml(url!)}</a>`
}
