import type { Audience, MessageVersion } from '../contract'
import { type MessageIndex, messageKey } from './message-index'

/** Who else's wording may stand in: a family member reads the partner's, a partner the primary's. */
const audienceChains: Record<Audience, readonly Audience[]> = {
  primary: ['primary'],
  partner: ['partner', 'primary'],
  family: ['family', 'partner', 'primary'],
}

export type Fallback = 'none' | 'audience' | 'language' | 'language-and-audience'

export type Selection =
  | { found: true; message: MessageVersion; language: string; audience: Audience; fallback: Fallback }
  | { found: false; slot: string; audience: Audience; language: string; tried: string[] }

/** The resident's language, then the tenant's fallback order, without repeats. */
export function languageChain(language: string, fallbackLanguages: readonly string[]): string[] {
  return [...new Set([language, ...fallbackLanguages])]
}

/**
 * The message for a slot, trying every audience in the resident's language before moving to the
 * next language: a partner reads the primary's wording in their own language rather than their
 * own wording in a language they may not read. A gap lists every key tried (CMS coverage view).
 */
export function selectMessage(
  index: MessageIndex,
  slot: string,
  audience: Audience,
  language: string,
  fallbackLanguages: readonly string[],
): Selection {
  const tried: string[] = []
  for (const lang of languageChain(language, fallbackLanguages)) {
    for (const who of audienceChains[audience]) {
      const key = messageKey(slot, who, lang)
      const message = index.get(key)
      if (message)
        return {
          found: true,
          message,
          language: lang,
          audience: who,
          fallback: fallbackOf(lang !== language, who !== audience),
        }
      tried.push(key)
    }
  }
  return { found: false, slot, audience, language, tried }
}

function fallbackOf(language: boolean, audience: boolean): Fallback {
  if (language) return audience ? 'language-and-audience' : 'language'
  return audience ? 'audience' : 'none'
}
