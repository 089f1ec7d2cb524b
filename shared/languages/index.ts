// Languages as data: the registry and the questions every consumer asks of it. Pure.
import type { LanguageEntry } from './entry'
import { languageRegistry } from './registry'

export type { LanguageEntry } from './entry'
export { ownTextLanguage } from './own-text'
export { languageRegistry } from './registry'

/** The source language: every text exists in it first, and every fallback chain ends in it. */
export const sourceLanguage = 'ja'

/** Every known tag, in the registry's order (the order choice lists show). */
export const languageTags: readonly string[] = languageRegistry.map((entry) => entry.tag)

const byTag: ReadonlyMap<string, LanguageEntry> = new Map(languageRegistry.map((entry) => [entry.tag, entry]))

export function isLanguageTag(tag: string): boolean {
  return byTag.has(tag)
}

/** The entry of a known tag, or undefined (a tag from before a language was removed). */
export function languageEntry(tag: string): LanguageEntry | undefined {
  return byTag.get(tag)
}

/** The language's own fallback order, [] for an unknown tag. */
export function languageFallback(tag: string): readonly string[] {
  return byTag.get(tag)?.fallback ?? []
}

/** 日本語 / Japanese; an unknown tag as itself. */
export function languageName(tag: string): { own: string; ja: string; en: string } {
  return byTag.get(tag)?.names ?? { own: tag, ja: tag, en: tag }
}
