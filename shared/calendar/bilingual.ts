/** A user-visible text in both languages the project speaks: Japanese first, English second. */
export interface Bilingual {
  ja: string
  en: string
}

/** One line for logs and terminals: Japanese, then English. */
export function bilingualLine(text: Bilingual): string {
  return `${text.ja} / ${text.en}`
}

/** An error whose message is bilingual, so a caller can show it without a stack trace. */
export class BilingualError extends Error {
  readonly text: Bilingual
  constructor(text: Bilingual) {
    super(bilingualLine(text))
    this.name = 'BilingualError'
    this.text = text
  }
}
