import { html } from 'hono/html'

// Printable ASCII after the scheme; trailing punctuation of the sentence is not part of the URL.
const url = /https?:\/\/[!-~]+/g
const trailing = /[.,;:!?'")\]}>]+$/

/**
 * A message's text with its http(s) URLs as links (escaped like all text; nothing else becomes
 * one), so a newcomer can open the confirmation or message link a resident would get.
 */
export function linkedText(text: string) {
  const parts = []
  let last = 0
  for (const match of text.matchAll(url)) {
    const href = match[0].replace(trailing, '')
    const start = match.index
    parts.push(text.slice(last, start), html`<a href="${href}" rel="noreferrer">${href}</a>`)
    last = start + href.length
  }
  parts.push(text.slice(last))
  return parts
}
