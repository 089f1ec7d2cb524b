import { wording } from '../languages/wording'

/** Before an entry only the Japanese of which exists, in the reader's language. */
export const untranslatedEntry = wording(
  'このお知らせは日本語だけです。',
  'This notice is only available in Japanese.',
)

export const entryPhone = wording('電話', 'Phone')
