// Japanese text on a page in another language that no element marks as Japanese: read in the
// page's language, a screen reader mispronounces it and a browser may draw its kanji in another
// script's glyphs. Walks the markup as the Worker sends it, with workerd's own HTMLRewriter.

import type { HTMLRewriter as Rewriter, Response as WorkerResponse } from '@cloudflare/workers-types'

// workerd's own, global in the tests; the root tsconfig does not load the Workers types globally.
const { HTMLRewriter } = globalThis as unknown as { HTMLRewriter: typeof Rewriter }

const japanese = /[\u3040-\u30ff\u3400-\u9fff]/
const japaneseLang = /^ja(-|$)/
const voidElements = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
])

/** Each run of Japanese text whose nearest `lang` is not Japanese, as `lang: text`. */
export async function japaneseUnmarked(html: string): Promise<string[]> {
  const open: { tag: string; lang: string }[] = []
  const found: string[] = []
  let run = ''
  const flush = () => {
    const lang = open.at(-1)?.lang ?? ''
    if (japanese.test(run) && !japaneseLang.test(lang)) found.push(`${lang}: ${run.trim()}`)
    run = ''
  }
  await new HTMLRewriter()
    .on('*', {
      element(el) {
        flush()
        if (voidElements.has(el.tagName)) return
        open.push({ tag: el.tagName, lang: el.getAttribute('lang') ?? open.at(-1)?.lang ?? '' })
        el.onEndTag(() => {
          flush()
          open.pop()
        })
      },
    })
    .onDocument({
      text(chunk) {
        if (!['script', 'style', 'title'].includes(open.at(-1)?.tag ?? '')) run += chunk.text
        if (chunk.lastInTextNode) flush()
      },
    })
    .transform(new Response(html) as unknown as WorkerResponse)
    .text()
  return found
}
