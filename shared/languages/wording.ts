// A fixed text (page chrome, a form's label, a notice, a message's frame) in a reader's language.
// Pure: the catalogs are data (./wording/*.json), looked up by the Japanese source text.
// A catalogue entry may carry readings as the sample content writes them, {漢字|かんじ}: a page
// shows them as ruby (`wordInWithReadings`, edge/web/bilingual.ts); every other text — an SMS, an
// email, a LINE reply, a title — gets the plain form 漢字（かんじ） from `wordIn`.
import { plainRubyMarkup } from '../contract/ruby-markup'
import { languageFallback } from './index'
import { type WordingCatalog, wordingCatalogs } from './wording/index'

/**
 * A fixed text as written in the code: Japanese source, English, and values for {name} slots. A
 * value `xEn` beside `x` is x in Latin script (a town's English name): every text that is not
 * Japanese fills {x} with it, so a Vietnamese sentence names the town as its reader can read it.
 */
export interface Wording {
  ja: string
  en: string
  values?: Readonly<Record<string, string | number>>
}

// For readers of another script than Japanese: {x} takes xEn where the code gave one.
function latinValues(values: Wording['values']): Wording['values'] {
  if (!values) return values
  const latin: Record<string, string | number> = { ...values }
  for (const name of Object.keys(values)) {
    const other = values[`${name}En`]
    if (other !== undefined) latin[name] = other
  }
  return latin
}

/** A fixed text outside a page (an SMS, a LINE reply), worded later in its reader's language. */
export function wording(ja: string, en: string, values?: Wording['values']): Wording {
  return values ? { ja, en, values } : { ja, en }
}

/** The text a reader gets, and the language it is actually in (a fallback may differ). */
export interface Worded {
  text: string
  lang: string
}

/** `{name}` slots replaced by their values; an unknown slot stays as written, to be seen. */
export function fillSlots(template: string, values: Wording['values']): string {
  if (!values) return template
  return template.replace(/\{(\w+)\}/g, (slot, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : slot,
  )
}

// Readings are resolved in the entry before its slots are filled: a value (a nickname) that looks
// like {a|b} stays as the resident typed it.
function inOne(wording: Wording, tag: string, readings: boolean): Worded | undefined {
  if (tag === 'ja') return { text: fillSlots(wording.ja, wording.values), lang: 'ja' }
  if (tag === 'en') return { text: fillSlots(wording.en, latinValues(wording.values)), lang: 'en' }
  const catalog: WordingCatalog | undefined = wordingCatalogs[tag]
  const own = catalog?.[wording.ja]
  if (own === undefined) return undefined
  const japanese = tag === 'ja-x-easy'
  const template = readings ? own : plainRubyMarkup(own)
  return { text: fillSlots(template, japanese ? wording.values : latinValues(wording.values)), lang: tag }
}

function worded(wording: Wording, tag: string, readings: boolean): Worded {
  for (const candidate of [tag, ...languageFallback(tag)]) {
    const found = inOne(wording, candidate, readings)
    if (found) return found
  }
  return { text: fillSlots(wording.en, latinValues(wording.values)), lang: 'en' }
}

/**
 * In `tag` if translated, else along the language's fallback order, else English: plain text, any
 * reading written after its kanji as 漢字（かんじ） (an SMS, an email, a LINE reply, an attribute).
 */
export function wordIn(wording: Wording, tag: string): Worded {
  return worded(wording, tag, false)
}

/**
 * As `wordIn`, with the catalogue's readings kept as {漢字|かんじ} for a page to show as ruby. Only
 * the entry's own text carries them: pass values as slot markers when they must stay literal.
 */
export function wordInWithReadings(wording: Wording, tag: string): Worded {
  return worded(wording, tag, true)
}

/** Whether `tag` has its own translation of this text (for the completeness check). */
export function hasOwnWording(ja: string, tag: string): boolean {
  return tag === 'ja' || tag === 'en' || wordingCatalogs[tag]?.[ja] !== undefined
}
