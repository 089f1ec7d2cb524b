import { html } from 'hono/html'
import { rubyMarkup } from '../../shared/contract/ruby-markup'
import { fillSlots, type Wording, wordIn, wordInWithReadings } from '../../shared/languages/wording'
import { readerTag } from './reader'

type Values = Readonly<Record<string, string | number>>

const kanaOrKanji = /[\u3040-\u30ff\u3400-\u9fff]/
// A slot's place while the text is worded: a private-use character no catalogue writes.
const slot = (name: string) => `\uE000${name}\uE000`
const japaneseText = (lang: string) => lang === 'ja' || lang === 'ja-x-easy'

/** Catalogue text with its {漢字|かんじ} readings as ruby, everything else escaped. */
function withRuby(text: string) {
  const parts = text.split(new RegExp(rubyMarkup.source))
  return html`${parts.map((part, i) => {
    if (i % 3 === 0) return part
    if (i % 3 === 2) return ''
    return html`<ruby>${part}<rt>${parts[i + 1]}</rt></ruby>`
  })}`
}

/**
 * The reader's own text with its slots filled as markup and its readings as ruby: a value written
 * in Japanese (a desk's name, its hours) sits in a sentence of another language marked as Japanese.
 * Values are filled after the readings are read, so a value is never taken for one.
 */
function ownWithValues(ja: string, en: string, values: Values | undefined, tag: string) {
  const marked = values
    ? Object.fromEntries(Object.keys(values).map((name) => [name, slot(name)]))
    : undefined
  const own = wordInWithReadings({ ja, en, ...(marked ? { values: marked } : {}) }, tag)
  const parts = own.text.split(/\uE000(\w+)\uE000/).map((part, i) => {
    if (i % 2 === 0) return withRuby(part)
    const value = String(values?.[part] ?? '')
    return !japaneseText(own.lang) && kanaOrKanji.test(value) ? html`<span lang="ja">${value}</span>` : value
  })
  return { text: html`${parts}`, lang: own.lang }
}

/**
 * A fixed text on a resident page. A Japanese reader gets Japanese with the English beneath in a
 * quieter tone; anyone else their own language (or its fallback) with the Japanese beneath, so
 * staff and family can read along. `ja` is the catalogue's key: {name} slots take `values`.
 */
export const bi = (ja: string, en: string, values?: Values) => {
  const own = ownWithValues(ja, en, values, readerTag())
  const source = fillSlots(ja, values)
  if (own.lang === 'ja')
    return html`${source}<br /><span class="en" lang="en">${fillSlots(en, values)}</span>`
  if (own.lang === 'ja-x-easy') return html`<span lang="ja-x-easy">${own.text}</span>`
  return html`<span lang="${own.lang}">${own.text}</span><br /><span class="ja" lang="ja">${source}</span>`
}

/** One line: the reader's language / Japanese (Japanese / English for a Japanese reader). */
export const biInline = (ja: string, en: string, values?: Values) => {
  const own = ownWithValues(ja, en, values, readerTag())
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

/**
 * An error the shared checks give as wording: the reader's language, then the Japanese (Japanese,
 * then English, for a Japanese reader), each half in its own `lang` — the language it is actually
 * in, so a text a catalogue lacks is marked as the English it falls back to.
 */
function errorWording(w: Wording) {
  const own = ownWithValues(w.ja, w.en, w.values, readerTag())
  const source = fillSlots(w.ja, w.values)
  if (own.lang === 'ja')
    return html`<span lang="ja">${source}</span> <span class="en" lang="en">/ ${fillSlots(w.en, w.values)}</span>`
  if (own.lang === 'ja-x-easy') return html`${own.text}`
  return html`<span lang="${own.lang}">${own.text}</span> <span class="ja" lang="ja">/ ${source}</span>`
}

/** A form's error as a line of its own (a summary's item): a text or the shared checks' wording. */
export const errorLine = (message: string | Wording) =>
  typeof message === 'string' ? errorText(message) : errorWording(message)

/** A field's error beneath it, tied to the input by id for screen readers. */
export const fieldError = (name: string, message: string | Wording | undefined) =>
  message ? html`<p class="error" id="${name}-error">${errorLine(message)}</p>` : ''

export const invalidAttrs = (name: string, message: string | Wording | undefined) =>
  message ? html` aria-invalid="true" aria-describedby="${name}-error"` : ''
