import { languageContents } from './languages'
import type { Edition } from './types'

/** Every (audience, language) pair the sample content has its own wording for. */
export const sampleEditions: readonly Edition[] = languageContents.flatMap((content) =>
  content.audiences.map((audience) => ({ audience, language: content.language })),
)

/**
 * The editions the CMS seed saves and the compose tests read: each message is saved one by one
 * through the review workflow, so the first `npm start` seeds these 1,626 and no more for now.
 */
export const seededEditions: readonly Edition[] = [
  { audience: 'primary', language: 'ja' },
  { audience: 'partner', language: 'ja' },
  { audience: 'primary', language: 'en' },
]
