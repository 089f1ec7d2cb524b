import { html } from 'hono/html'
import { languageName } from '../../shared/languages'
import { biText } from './bilingual'
import { readerChoicePath, readerOffered, readerTag } from './reader'

/** The language choice at the top of every page a resident can reload: each language in itself. */
export function languageChoice() {
  const path = readerChoicePath()
  const offered = readerOffered()
  if (!path || offered.length < 2) return ''
  const join = path.includes('?') ? '&' : '?'
  const current = readerTag()
  return html`<nav class="languages" aria-label="${biText('言語', 'Language')}">${offered.map((tag) =>
    tag === current
      ? html`<strong lang="${tag}" aria-current="true">${languageName(tag).own}</strong> `
      : html`<a href="${path}${join}lang=${encodeURIComponent(tag)}" lang="${tag}" hreflang="${tag}">${languageName(tag).own}</a> `,
  )}</nav>`
}
