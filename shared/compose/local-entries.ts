import type { CivilDate } from '../calendar'
import type { Audience, LocalSupportEntry } from '../contract'
import { type DayContext, windowContains } from '../program'
import { languageChain } from './select'

export interface EntryQuery {
  context: DayContext
  audience: Audience
  language: string
  fallbackLanguages: readonly string[]
  date: CivilDate
}

/**
 * The tenant's entries for a resident's day: inside the window, for their audience, valid that
 * date. Local entries carry no link between translations, so the whole set comes from the first
 * language in the resident's chain that has any: never the same item twice in two languages.
 */
export function entriesFor(entries: readonly LocalSupportEntry[], query: EntryQuery): LocalSupportEntry[] {
  const open = entries.filter(
    (entry) =>
      entry.audiences.includes(query.audience) &&
      isValidOn(entry, query.date) &&
      windowContains(entry.window, query.context),
  )
  for (const language of languageChain(query.language, query.fallbackLanguages)) {
    const chosen = open.filter((entry) => entry.language === language)
    if (chosen.length > 0) return chosen
  }
  return []
}

// Civil dates are YYYY-MM-DD, so string order is date order.
function isValidOn(entry: LocalSupportEntry, date: CivilDate): boolean {
  return (!entry.validFrom || entry.validFrom <= date) && (!entry.validUntil || date <= entry.validUntil)
}

/** An entry as one reader reads it: the text, its language, and whether it is left untranslated. */
export interface EntryText {
  language: string
  title: string
  body: LocalSupportEntry['body']
  /** Only the Japanese exists for a reader of another language: the note says so. */
  untranslated: boolean
}

/** The entry in the first language of the reader's chain it exists in, else as written. */
export function entryIn(
  entry: LocalSupportEntry,
  language: string,
  fallbackLanguages: readonly string[],
): EntryText {
  const versions = [{ language: entry.language, title: entry.title, body: entry.body }, ...entry.translations]
  for (const candidate of languageChain(language, fallbackLanguages)) {
    const found = versions.find((v) => v.language === candidate)
    if (found) return { ...found, untranslated: isUntranslatedFor(found.language, language) }
  }
  return {
    language: entry.language,
    title: entry.title,
    body: entry.body,
    untranslated: isUntranslatedFor(entry.language, language),
  }
}

// A reader of plain Japanese reads Japanese; anyone else given Japanese is told it is all there is.
function isUntranslatedFor(shown: string, reader: string): boolean {
  return shown === 'ja' && reader !== 'ja' && reader !== 'ja-x-easy'
}
