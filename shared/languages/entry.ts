/** One language as data: everything the CMS, the contract, composition, the edge and coverage read. */
export interface LanguageEntry {
  /** BCP 47, as stored on messages, residents and `lang` attributes. */
  tag: string
  /** The language's name in itself (a resident's choice list), in Japanese and in English (staff). */
  names: { own: string; ja: string; en: string }
  /** ISO 15924: which font a page needs. */
  script: string
  /** How an SMS in this language is encoded, so how many characters fit a segment. */
  sms: 'GSM-7' | 'UCS-2'
  direction: 'ltr' | 'rtl'
  /**
   * Tried in order after this language when a text is missing, before the town's own fallback
   * and Japanese: the languages its readers most often read too.
   */
  fallback: readonly string[]
  /** The Noto family that renders the script. */
  font: string
}
