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
