import { html } from 'hono/html'

// A resident's own text on a page (a nickname): isolated in <bdi>, so its direction is its own, and
// marked Japanese when it holds kana, which no other language a resident chooses writes. Kanji
// alone (Japanese or Chinese) or Latin letters (English, Vietnamese, Tagalog…) do not tell the
// language by their script: such a nickname is left to read in the language around it.
const kana = /[\u3040-\u30ff]/

export const ownText = (text: string) =>
  kana.test(text) ? html`<bdi lang="ja">${text}</bdi>` : html`<bdi>${text}</bdi>`
