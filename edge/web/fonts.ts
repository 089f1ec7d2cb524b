// The web fonts a page in a language needs, served by the Worker as static assets (dev/fonts.ts
// builds them from the npm-shipped Noto families): the family of the reader's script first, so a
// phone without a Myanmar or Devanagari font still draws the page, then Noto Sans JP for the
// Japanese every page carries, then the few subsets that draw the language choice's names (each
// language in itself). Each stylesheet's unicode-ranges let a browser fetch only the subsets the
// page's text uses.
import { raw } from 'hono/html'
import { languageEntry, sourceLanguage } from '../../shared/languages'

/** "Noto Sans JP" → "noto-sans-jp": its @fontsource package, and its stylesheet's name. */
export const fontSlug = (family: string) => family.toLowerCase().replaceAll(' ', '-')

/** The family names.css declares: only the subsets the languages' own names need. */
export const namesFamily = 'yorisoi language names'

const japanese = languageEntry(sourceLanguage)?.font ?? 'Noto Sans JP'

/** The families a page in `tag` is written in: the reader's script first, then Japanese. */
export function pageFamilies(tag: string): string[] {
  return [...new Set([languageEntry(tag)?.font ?? japanese, japanese])]
}

const stack = (families: string[]) =>
  [...families.map((family) => `"${family}"`), 'system-ui', 'sans-serif'].join(', ')

/**
 * The page's font stylesheets and its font order. On another reader's page the Japanese beneath
 * (lang="ja") keeps Japanese glyph forms, not Chinese or Korean ones.
 */
export function fontLinks(tag: string) {
  const families = pageFamilies(tag)
  const links = [...families.map(fontSlug), 'names'].map(
    (name) => `<link rel="stylesheet" href="/fonts/${name}.css" />`,
  )
  const beneath = families[0] === japanese ? '' : ` :lang(ja) { font-family: ${stack([japanese])}; }`
  return raw(
    `${links.join('\n    ')}\n    <style>body { font-family: ${stack([...families, namesFamily])}; }${beneath}</style>`,
  )
}
