import { z } from 'zod'

/** A validation message in both languages, Japanese first. */
export function bilingual(ja: string, en: string): string {
  return `${ja} / ${en}`
}

const ja = z.locales.ja()
const en = z.locales.en()

function text(result: ReturnType<typeof ja.localeError>): string {
  if (result === undefined || result === null) return ''
  return typeof result === 'string' ? result : result.message
}

/** Zod's own messages (wrong type, too small, ...) in Japanese, then English. */
export const bilingualErrorMap: z.core.$ZodErrorMap = (issue) =>
  bilingual(text(ja.localeError(issue)), text(en.localeError(issue)))
