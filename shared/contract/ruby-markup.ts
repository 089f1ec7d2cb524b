import { bilingual } from './messages'

// How a reading is written where an editor types plain text (the CMS editor, the sample content's
// language files): {漢字|かんじ}. The portable body carries it as a ruby node instead.

/** One `{base|reading}`; neither part may hold a brace or a bar. */
export const rubyMarkup = /\{([^{}|]+)\|([^{}|]+)\}/g

/** Text with `{漢字|かんじ}` → `漢字（かんじ）`: where ruby cannot be shown (SMS, subjects). */
export function plainRubyMarkup(text: string): string {
  return text.replace(rubyMarkup, '$1（$2）')
}

export function writeRubyMarkup(base: string, reading: string): string {
  return `{${base}|${reading}}`
}

/**
 * A problem with what is left of a text once its placeholders and well-formed readings are taken
 * out: a brace and a bar still there mean a reading was begun and not finished.
 */
export function unbalancedRuby(rest: string): string | null {
  if (!/\{[^{}]*\||\|[^{}]*\}/.test(rest)) return null
  return bilingual(
    `ルビは {漢字|かんじ} の形で書いてください（括弧が閉じていないか、漢字か読みが空です）: ${rest.trim()}`,
    `Write a reading as {漢字|かんじ}: a brace is not closed, or the word or its reading is empty: ${rest.trim()}`,
  )
}

/** The problem with a text's readings, if any, once its placeholders and readings are taken out. */
export function rubyMarkupProblem(text: string): string | null {
  return unbalancedRuby(text.replace(/\{\{[^{}]*\}\}/g, ' ').replace(rubyMarkup, ' '))
}
