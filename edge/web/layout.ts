import { html, raw } from 'hono/html'
import type { HtmlEscapedString } from 'hono/utils/html'
import { languageEntry } from '../../shared/languages'
import type { Wording } from '../../shared/languages/wording'
import { biText } from './bilingual'
import { fontLinks } from './fonts'
import { languageChoice } from './language-choice'
import { readerTag } from './reader'

type Content = HtmlEscapedString | Promise<HtmlEscapedString>

/** The page frame in the reader's language (Japanese beneath), readable at 360 px, no scripts. */
export function layout(title: Wording, body: Content) {
  const tag = readerTag()
  const heading = biText(title.ja, title.en, title.values)
  return html`<!doctype html>
<html lang="${tag}"${languageEntry(tag)?.direction === 'rtl' ? raw(' dir="rtl"') : ''}>
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${heading} — yorisoi</title>
    ${fontLinks(tag)}
    <style>
      body { margin: 0 auto; max-width: 48rem; padding: 1rem; line-height: 1.6; color: #222; }
      .en, .ja { color: #555; font-size: 0.9em; }
      nav.languages { font-size: 0.9em; margin-bottom: 0.5rem; }
      nav.languages a { display: inline-block; margin: 0 0.5rem 0.25rem 0; min-height: 24px; }
      /* Japanese headings break between phrases, never inside a word (寄り添|い). */
      h1, h2 { word-break: auto-phrase; }
      table { border-collapse: collapse; width: 100%; }
      th, td { text-align: left; vertical-align: top; padding: 0.4rem; border-bottom: 1px solid #ddd; overflow-wrap: anywhere; }
      @media (max-width: 40rem) {
        table, tbody, tr, td { display: block; }
        thead { display: none; }
        tr { border-bottom: 1px solid #ddd; padding: 0.5rem 0; }
        td { border: 0; padding: 0.1rem 0; }
      }
      pre { white-space: pre-wrap; word-break: break-word; background: #f6f6f6; padding: 0.75rem; }
      iframe { width: 100%; min-height: 24rem; border: 1px solid #ddd; }
      label, legend { display: block; font-weight: 600; margin-top: 1rem; }
      fieldset { border: 0; margin: 0; padding: 0; }
      fieldset label { font-weight: normal; margin-top: 0.25rem; }
      input[type=text], input[type=email], input[type=tel], input[type=date], select, textarea { box-sizing: border-box; width: 100%; font: inherit; padding: 0.5rem; border: 1px solid #767676; border-radius: 4px; }
      input[type=radio], input[type=checkbox] { width: 1.25rem; height: 1.25rem; vertical-align: middle; }
      button { font: inherit; padding: 0.75rem 1.25rem; margin-top: 1rem; border: 0; border-radius: 6px; background: #24527a; color: #fff; min-height: 44px; }
      button.quiet { background: #fff; color: #24527a; border: 1px solid #24527a; }
      button .en, button .ja { color: inherit; }
      .error { color: #a4001d; font-weight: 600; margin: 0.25rem 0; }
      .summary { border: 2px solid #a4001d; padding: 0.5rem 1rem; }
      .emergency { border: 2px solid #a4001d; padding: 0.5rem 1rem; margin: 1rem 0; }
      section { margin: 1.5rem 0; }
    </style>
  </head>
  <body>
    ${languageChoice()}
    ${body}
  </body>
</html>`
}
