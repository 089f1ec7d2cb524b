import { html } from 'hono/html'
import { fillSlots, wordIn } from '../../shared/languages/wording'
import { readerTag } from './reader'

type Values = Readonly<Record<string, string | number>>

/**
 * A fixed text on a resident page. A Japanese reader gets Japanese with the English beneath in a
 * quieter tone; anyone else their own language (or its fallback) with the Japanese beneath, so
 * staff and family can read along. `ja` is the catalogue's key: {name} slots take `values`.
 */
export const bi = (ja: string, en: string, values?: Values) => {
  const own = wordIn({ ja, en, values }, readerTag())
  const source = fillSlots(ja, values)
  if (own.lang === 'ja')
    return html`${source}<br /><span class="en" lang="en">${fillSlots(en, values)}</span>`
  if (own.lang === 'ja-x-easy') return html`<span lang="ja-x-easy">${own.text}</span>`
  return html`<span lang="${own.lang}">${own.text}</span><br /><span class="ja" lang="ja">${source}</span>`
}

/** One line: the reader's language / Japanese (Japanese / English for a Japanese reader). */
export const biInline = (ja: string, en: string, values?: Values) => {
  const own = wordIn({ ja, en, values }, readerTag())
  const source = fillSlots(ja, values)
  if (own.lang === 'ja') return html`${source} <span class="en" lang="en">/ ${fillSlots(en, values)}</span>`
  if (own.lang === 'ja-x-easy') return html`<span lang="ja-x-easy">${own.text}</span>`
  return html`<span lang="${own.lang}">${own.text}</span> <span class="ja" lang="ja">/ ${source}</span>`
}

/** Plain text (a title, an attribute, a text response): the reader's language / Japanese. */
export function biText(ja: string, en: string, values?: Values): string {
  const own = wordIn({ ja, en, values }, readerTag())
  const source = fillSlots(ja, values)
  if (own.lang === 'ja') return `${source} / ${fillSlots(en, values)}`
  if (own.lang === 'ja-x-easy') return own.text
  return `${own.text} / ${source}`
}

/**
 * An error as the forms give it, one line of two halves: `biText`'s (the reader's language / the
 * Japanese) or the shared checks' `bilingual` (Japanese / English). Each half gets its own `lang`;
 * a first half with kana is Japanese (no other language a reader chooses writes kana).
 */
function errorText(message: string) {
  const at = message.lastIndexOf(' / ')
  if (at < 0) return html`${message}`
  const first = message.slice(0, at)
  const second = message.slice(at + 3)
  const reader = readerTag()
  if (reader === 'ja' || /[\u3040-\u30ff]/.test(first))
    return html`<span lang="ja">${first}</span> <span class="en" lang="en">/ ${second}</span>`
  return html`<span lang="${reader}">${first}</span> <span class="ja" lang="ja">/ ${second}</span>`
}

/** A field's error beneath it, tied to the input by id for screen readers. */
export const fieldError = (name: string, message: string | undefined) =>
  message ? html`<p class="error" id="${name}-error">${errorText(message)}</p>` : ''

export const invalidAttrs = (name: string, message: string | undefined) =>
  message ? html` aria-invalid="true" aria-describedby="${name}-error"` : ''
