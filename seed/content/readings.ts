import type { Inline } from '../../shared/contract/body'
import { plainRubyMarkup, rubyMarkup as reading } from '../../shared/contract/ruby-markup'

// やさしい日本語 writes readings in the data as {漢字|かんじ}. A body carries them as ruby nodes
// (ruby on pages and in email, 漢字（かんじ） in SMS and LINE); a subject or short text is plain
// text, so it gets the plain form 漢字（かんじ） straight away.

/** Text with `{漢字|かんじ}` readings → text and ruby nodes. */
export function rubyInlines(text: string): Inline[] {
  const out: Inline[] = []
  let last = 0
  for (const match of text.matchAll(reading)) {
    if (match.index > last) out.push({ t: 'text', v: text.slice(last, match.index) })
    out.push({ t: 'ruby', base: match[1]!, reading: match[2]! })
    last = match.index + match[0].length
  }
  if (last < text.length) out.push({ t: 'text', v: text.slice(last) })
  return out
}

/** Text with `{漢字|かんじ}` readings → `漢字（かんじ）`. */
export function plainReadings(text: string): string {
  return plainRubyMarkup(text)
}

/** Text with every reading dropped, leaving the kanji: what a reader's eye scans for length. */
export function withoutReadings(text: string): string {
  return text.replace(reading, '$1')
}

/** Text with every `{漢字|かんじ}` removed: the kanji left are the ones written without a reading. */
export function outsideReadings(text: string): string {
  return text.replace(reading, '')
}

/** Text with every `{漢字|かんじ}` read aloud as `かんじ`: for short labels inside an SMS. */
export function readingsOnly(text: string): string {
  return text.replace(reading, '$2')
}
