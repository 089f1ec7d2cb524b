import { html, raw } from 'hono/html'
import type { Said } from '../../shared/compose/strings'
import { taskRuns } from '../../shared/compose/task-line'
import { bi, biInline, biText } from '../web/bilingual'
import { layout } from '../web/layout'
import { type NurseOnPage, nurseLines } from '../web/nurse-section'
import type { JapaneseBody, MessagePage } from './message-page'

// The content's HTML comes from shared/compose's blocksToHtml, which escapes every text and URL.
const content = (markup: string) => raw(markup)

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The reader's own words, any Japanese value inside them (a survey's title) marked Japanese. */
function own(said: Said) {
  if (said.readings)
    return html`<span lang="${said.lang}">${said.readings.map((part) =>
      part.t === 'ruby' ? html`<ruby>${part.base}<rt>${part.reading}</rt></ruby>` : part.v,
    )}</span>`
  if (!said.japanese) return html`<span lang="${said.lang}">${said.text}</span>`
  const parts = said.text
    .split(new RegExp(`(${said.japanese.map(escapeRegExp).join('|')})`))
    .map((part, i) => (i % 2 === 1 ? html`<span lang="ja">${part}</span>` : part))
  return html`<span lang="${said.lang}">${parts}</span>`
}

/** A fixed line of the composition, as `bi` shows one: each half in its own language, the Japanese beneath. */
const beneath = (said: Said) =>
  said.ja === undefined ? own(said) : html`${own(said)}<br /><span class="ja" lang="ja">${said.ja}</span>`

/** The same on one line (a heading, a link), as `biInline` shows one. */
const inline = (said: Said) =>
  said.ja === undefined ? own(said) : html`${own(said)} <span class="ja" lang="ja">/ ${said.ja}</span>`

/** A fixed line and its link beneath. */
const frameLine = (line: { text: Said; linkText: Said; url: string }) =>
  html`<p>${beneath(line.text)}<br /><a href="${line.url}">${inline(line.linkText)}</a></p>`

/** The message as the town wrote it in Japanese, folded away beneath the resident's language. */
const japaneseToggle = (japanese: JapaneseBody | undefined) =>
  japanese
    ? html`<details>
    <summary>${biInline('日本語で読む', 'Read in Japanese')}</summary>
    <article lang="ja">${content(japanese.html)}</article>
  </details>`
    : ''

/**
 * One delivery's full message with the tenant's local entries, the desk (and the family's nurse,
 * as she is today) and the resident's links. The message is in the resident's language, its
 * Japanese behind a toggle.
 */
export function messagePage(shown: MessagePage, nurses: readonly NurseOnPage[] = []) {
  const { page, japanese, tenant } = shown
  return layout(
    shown.japaneseTitle
      ? { ja: shown.japaneseTitle, en: page.title }
      : { ja: page.title, en: 'Your message' },
    html`<main>
  <h1${shown.titleLanguage ? html` lang="${shown.titleLanguage}"` : ''}>${shown.plainTitle ? inline(shown.plainTitle) : page.title}</h1>
  ${page.sample ? html`<p class="error">${bi('これは見本のお便りです。', 'This is a sample message.')}</p>` : ''}
  ${page.messages.map(
    (m, i) => html`<article lang="${m.language}">${content(m.html)}</article>
  ${japaneseToggle(japanese.find((j) => j.for === i))}`,
  )}
  ${page.birthdayNote ? frameLine(page.birthdayNote) : ''}
  ${
    page.entries.length > 0
      ? html`<section aria-labelledby="entries-title">
    <h2 id="entries-title">${inline(page.entriesHeading)}</h2>
    ${page.entries.map(
      (e) => html`<article>
      ${e.note ? html`<p class="note">${e.note}</p>` : ''}
      <div lang="${e.language}">
        <h3>${e.title}</h3>
        ${content(e.html)}
      </div>
      ${e.url ? html`<p><a href="${e.url}">${biInline('くわしく見る', 'Read more')}</a></p>` : ''}
    </article>`,
    )}
  </section>`
      : ''
  }
  ${page.survey ? frameLine(page.survey) : ''}
  ${page.task ? html`<p>${taskRuns(page.task).map((run) => html`<span lang="${run.lang}">${run.text}</span>`)}${page.task.links.map((l) => html`<br /><a href="${l.url}">${inline(l.linkText)}</a>`)}</p>` : ''}
  <section aria-labelledby="consult-title">
    <h2 id="consult-title">${biInline('相談する', 'Talk to us')}</h2>
    ${
      nurses.length > 0
        ? html`<h3>${biInline('担当の保健師', 'Your public health nurse')}</h3>
    ${nurseLines(nurses)}`
        : ''
    }
    <p lang="ja">${page.consultation.deskName}: <a href="tel:${page.consultation.phone}">${page.consultation.phone}</a>（${page.consultation.hours}）</p>
    <p><a href="${page.consultation.url}">${biInline('相談を送る', 'Send a question')}</a></p>
  </section>
  <nav aria-label="${biText('登録', 'Your registration')}">
    <p><a href="${page.links.selfServiceUrl}">${biInline('登録内容の確認・変更', 'See or change your registration')}</a></p>
    <p><a href="${page.links.unsubscribeUrl}">${biInline('配信の停止', 'Stop the messages')}</a></p>
  </nav>
  <p class="en"><span lang="ja">${tenant.name.ja}</span> / <span lang="en">${tenant.name.en}</span></p>
</main>`,
  )
}

export const messageGonePage = () =>
  layout(
    { ja: 'このお便りは表示できません', en: 'This message cannot be shown' },
    html`<main>
  <h1>${bi('このお便りは表示できません', 'This message cannot be shown')}</h1>
  <p>${bi('ご登録の内容が変わったか、古いお便りです。最新のお便りをご覧ください。', 'Your registration has changed or the message is old. Please see your latest message.')}</p>
</main>`,
  )

/** In place of a cheerful message of a pregnancy or child whose loss was reported since. */
export const messageHiddenPage = () =>
  layout(
    { ja: 'このお便りについて', en: 'About this message' },
    html`<main>
  <h1>${bi('このお便りについて', 'About this message')}</h1>
  <p>${bi(
    'このお便りは、いまは表示していません。おつらいときは、いつでもお住まいのまちの窓口にご相談ください。',
    'This message is no longer shown. Whenever you wish, your town’s desk is there to talk with you.',
  )}</p>
</main>`,
  )
