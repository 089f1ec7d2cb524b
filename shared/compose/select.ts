import type { Audience, MessageVersion } from '../contract'
import { languageFallback, sourceLanguage } from '../languages'
import { type MessageIndex, messageKey } from './message-index'

/**
 * Whose wording a reader may be given, in order. A partner or a family member is never addressed
 * as the pregnant person or the main caregiver: family reads family wording, then the partner's
 * (both speak to someone beside the primary); a partner reads only the partner's.
 */
const audienceChains: Record<Audience, readonly Audience[]> = {
  primary: ['primary'],
  partner: ['partner'],
  family: ['family', 'partner'],
}

/**
 * When no audience-right wording exists in any language of the chain, a partner or family
 * member still gets the slot (composition never sends nothing) in the primary's wording, along
 * the same language chain. That is a gap: `last-resort` is listed by the coverage view and the
 * coverage command, and the composition records it among its gaps.
 */
const lastResort: Audience = 'primary'

/** `none`: the reader's own wording in their language. `last-resort`: see above. */
export type Fallback = 'none' | 'audience' | 'language' | 'language-and-audience' | 'last-resort'

export type Selection =
  | { found: true; message: MessageVersion; language: string; audience: Audience; fallback: Fallback }
  | { found: false; slot: string; audience: Audience; language: string; tried: string[] }

/**
 * The resident's language, then that language's own fallback order (shared/languages), then the
 * town's, then Japanese (the source every text is written in), without repeats.
 */
export function languageChain(language: string, fallbackLanguages: readonly string[]): string[] {
  return [...new Set([language, ...languageFallback(language), ...fallbackLanguages, sourceLanguage])]
}

/**
 * The message for a slot. The audience rule wins over the language: every language of the chain
 * is tried for the reader's own audience before the next allowed audience, so an English-reading
 * partner gets the partner's Japanese rather than the pregnant person's English. Primary wording
 * reaches a partner or family member only as the last resort. A gap lists every key tried.
 */
export function selectMessage(
  index: MessageIndex,
  slot: string,
  audience: Audience,
  language: string,
  fallbackLanguages: readonly string[],
): Selection {
  const tried: string[] = []
  const languages = languageChain(language, fallbackLanguages)
  const audiences = audience === lastResort ? [audience] : [...audienceChains[audience], lastResort]
  for (const who of audiences) {
    for (const lang of languages) {
      const key = messageKey(slot, who, lang)
      const message = index.get(key)
      if (message) {
        const fallback =
          who === lastResort && audience !== lastResort
            ? 'last-resort'
            : fallbackOf(lang !== language, who !== audience)
        return { found: true, message, language: lang, audience: who, fallback }
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

/** How a coverage count reads a selection: own wording, an allowed fallback, or nothing right. */
export type Coverage = 'own' | 'fallback' | 'none'

/** One language × audience's send slots, by how they are covered (`yorisoi coverage` and the CMS view). */
export interface CoverageCount {
  language: string
  audience: Audience
  slots: number
  own: number
  fallback: number
  none: number
}

export function coverageOf(selection: Selection): Coverage {
  if (!selection.found || selection.fallback === 'last-resort') return 'none'
  return selection.fallback === 'none' ? 'own' : 'fallback'
}
