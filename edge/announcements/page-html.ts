import { html } from 'hono/html'
import type { Announcement, AnnouncementText, TenantSettings } from '../../shared/contract'
import { sourceLanguage } from '../../shared/languages'
import { wordIn, wording } from '../../shared/languages/wording'
import { bi, biInline } from '../web/bilingual'
import { layout } from '../web/layout'
import { readerTag } from '../web/reader'

export interface AnnouncementView {
  tenant: TenantSettings
  announcement: Announcement
  /** The wording in the resident's language (or the town's fallback). */
  text: AnnouncementText
  /** The Japanese wording, when the one above is another language. */
  japanese?: AnnouncementText
  /** The resident's manage page; only for non-urgent notices, which can be turned off there. */
  manageUrl?: string
}

// The town's name as it writes it in Japanese (and so in a translation), its own English in English.
const fromTown = (tenant: TenantSettings) =>
  wording('{town}からのお知らせ', 'Notice from {townEn}', { town: tenant.name.ja, townEn: tenant.name.en })

/** The locale a date is written in: the reader's (やさしい日本語 writes dates as Japanese does). */
const dateLocale = (tag: string) => (tag.startsWith(sourceLanguage) ? 'ja-JP' : tag)

/** The day it was sent, in the town's time zone, written as the reader writes dates (2026年11月23日). */
function sendDay(sendAt: string, timeZone: string) {
  const day = new Date(sendAt)
  const iso = new Intl.DateTimeFormat('en-CA', { timeZone }).format(day)
  const long = { timeZone, dateStyle: 'long' } as const
  let written: string
  try {
    written = new Intl.DateTimeFormat(dateLocale(readerTag()), long).format(day)
  } catch {
    written = new Intl.DateTimeFormat('ja-JP', long).format(day)
  }
  return html`<time datetime="${iso}">${written}</time>`
}

/**
 * The page's title: the notice's own title in the reader's language with the Japanese beside it;
 * for a notice only in Japanese, its title beside "Notice from {town}" in the reader's language.
 */
function pageTitle({ tenant, text, japanese }: AnnouncementView) {
  if (japanese) return { ja: japanese.title, en: text.title }
  if (text.language !== sourceLanguage) return { ja: text.title, en: text.title }
  const reader = readerTag()
  return { ja: text.title, en: wordIn(fromTown(tenant), reader === sourceLanguage ? 'en' : reader).text }
}

/** Plain text as written: blank lines part paragraphs, a single line break stays one. */
function paragraphs(body: string) {
  return body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => html`<p>${p.split('\n').map((line, i) => (i === 0 ? line : html`<br />${line}`))}</p>`)
}

function inItsLanguage(text: AnnouncementText, heading: 'h1' | 'h3') {
  return html`<article lang="${text.language}">
    ${heading === 'h1' ? html`<h1>${text.title}</h1>` : html`<h3>${text.title}</h3>`}
    ${paragraphs(text.body)}
  </article>`
}

/** One announcement, whole: in the resident's language with the Japanese beneath, and whom to ask. */
export function announcementPage(view: AnnouncementView) {
  const { tenant, announcement, text, japanese, manageUrl } = view
  const { desk } = tenant
  const from = fromTown(tenant)
  return layout(
    pageTitle(view),
    html`<main>
  <p>${biInline(from.ja, from.en, from.values)}<br />${sendDay(announcement.sendAt, tenant.timeZone)}</p>
  ${announcement.urgent ? html`<p class="emergency" role="note"><strong>${biInline('緊急のお知らせ', 'Urgent notice')}</strong></p>` : ''}
  ${inItsLanguage(text, 'h1')}
  ${
    japanese
      ? html`<section aria-labelledby="japanese-title">
    <h2 id="japanese-title">${biInline('日本語の原文', 'In Japanese')}</h2>
    ${inItsLanguage(japanese, 'h3')}
  </section>`
      : ''
  }
  ${announcement.url ? html`<p><a href="${announcement.url}">${biInline('くわしく見る', 'Read more')}</a></p>` : ''}
  <section aria-labelledby="desk-title">
    <h2 id="desk-title">${biInline('お問い合わせ', 'Questions')}</h2>
    <p lang="ja">${desk.name}<br /><a href="tel:${desk.phone}">${desk.phone}</a>（${desk.hours}）</p>
  </section>
  ${
    manageUrl
      ? html`<p>${bi(
          '町からのお知らせを受け取るかどうかは、登録内容のページで選べます。',
          'You can choose on your registration page whether to receive notices from your town.',
        )}<br /><a href="${manageUrl}">${biInline('登録内容の確認・変更', 'See or change your registration')}</a></p>`
      : ''
  }
</main>`,
  )
}

/** For a link whose announcement can no longer be read (its manifest was pruned). */
export const announcementGonePage = () =>
  layout(
    { ja: 'このお知らせは表示できません', en: 'This notice cannot be shown' },
    html`<main>
  <h1>${bi('このお知らせは表示できません', 'This notice cannot be shown')}</h1>
  <p>${bi(
    '古いお知らせのため、表示できなくなりました。ご不明な点は、お住まいのまちの窓口にお問い合わせください。',
    'This notice is old and can no longer be shown. For questions, please ask your town’s desk.',
  )}</p>
</main>`,
  )
