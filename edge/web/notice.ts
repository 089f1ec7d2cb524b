import { html } from 'hono/html'
import type { HtmlEscapedString } from 'hono/utils/html'
import { bi } from './bilingual'
import { layout } from './layout'

type Content = HtmlEscapedString | Promise<HtmlEscapedString> | string

/** A short page that tells the resident what happened and what they can do next. */
export function noticePage(title: { ja: string; en: string }, ...paragraphs: Content[]) {
  return layout(
    title,
    html`<main>
  <h1>${bi(title.ja, title.en)}</h1>
  ${paragraphs.map((p) => html`<p>${p}</p>`)}
</main>`,
  )
}

export const linkNotValidPage = () =>
  noticePage(
    { ja: 'このリンクは使えません', en: 'This link cannot be used' },
    bi(
      '期限が切れたか、すでに使われたリンクです。最新のお便りにあるリンクから、もう一度お試しください。',
      'It has expired or was already used. Please try the link in your latest message.',
    ),
  )
