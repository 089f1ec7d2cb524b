import { languageContents } from './languages'
import type { Edition } from './types'

/** Every (audience, language) pair the sample content has its own wording for. */
export const sampleEditions: readonly Edition[] = languageContents.flatMap((content) =>
  content.audiences.map((audience) => ({ audience, language: content.language })),
)

/**
 * A smaller set (1,626 messages) for what need not read every language: the compose tests and
 * bench, and the CMS seed test. The seed itself writes every sample edition.
 */
export const seededEditions: readonly Edition[] = [
  { audience: 'primary', language: 'ja' },
  { audience: 'partner', language: 'ja' },
  { audience: 'primary', language: 'en' },
]
