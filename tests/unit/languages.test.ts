import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { languageLabels, languageOptions } from '../../cms/plugin/languages'
import { sourceFiles } from '../../dev/house'
import { languageNames } from '../../edge/registration/enrolment-fields'
import { language } from '../../shared/contract/primitives'
import { languageFallback, languageRegistry, languageTags, sourceLanguage } from '../../shared/languages'

// A language is one entry of shared/languages: every consumer reads the registry, and no other
// source file keeps its own list of tags, so adding an entry is all it takes.

const root = resolve(import.meta.dirname, '../..')

describe('the language registry', () => {
  it('holds the eleven languages, Japanese (the source) first, each tag valid BCP 47 and unique', () => {
    expect(languageTags).toEqual([
      'ja',
      'ja-x-easy',
      'en',
      'zh-Hans',
      'vi',
      'ko',
      'tl',
      'pt-BR',
      'ne',
      'id',
      'my',
    ])
    expect(languageTags[0]).toBe(sourceLanguage)
    expect(new Set(languageTags).size).toBe(languageTags.length)
    for (const tag of languageTags) expect(Intl.getCanonicalLocales(tag)).toHaveLength(1)
    expect(languageRegistry.find((l) => l.tag === 'ja-x-easy')!.names.own).toBe('やさしい日本語')
  })

  it('falls back only to known languages, never to itself', () => {
    for (const { tag } of languageRegistry) {
      for (const next of languageFallback(tag)) {
        expect(languageTags).toContain(next)
        expect(next).not.toBe(tag)
      }
    }
  })

  it('is what the contract, the CMS options and the registration choice list offer', () => {
    for (const tag of languageTags) {
      expect(language.safeParse(tag).success).toBe(true)
      expect(languageLabels[tag]).toEqual({ ja: expect.any(String), en: expect.any(String) })
      expect(languageNames[tag]).toBe(languageRegistry.find((l) => l.tag === tag)!.names.own)
    }
    expect(languageOptions(languageTags).map((o) => o.value)).toEqual([...languageTags])
    expect(Object.keys(languageLabels)).toEqual([...languageTags])
    expect(Object.keys(languageNames)).toEqual([...languageTags])
  })

  it('refuses an unknown tag with both languages and the known tags', () => {
    const result = language.safeParse('zh')
    expect(result.success).toBe(false)
    expect(result.error!.issues[0]!.message).toBe(
      `言語「zh」は登録されていません（使える言語: ${languageTags.join(', ')}） / Unknown language "zh" (known: ${languageTags.join(', ')})`,
    )
    expect(language.safeParse('ja-x-plain').success).toBe(false)
  })

  it('is the only list of tags in the source: no other file names three languages beyond ja and en', () => {
    const listing = ['shared', 'cms', 'edge', 'cli', 'seed', 'dev']
      .flatMap((side) => sourceFiles(root, side))
      .filter((file) => !file.startsWith('shared/languages/') && !file.startsWith('seed/content/'))
      .filter((file) => namedTags(readFileSync(resolve(root, file), 'utf8')).size >= 3)
    expect(listing).toEqual([])
  })

  it('would catch a list of tags or a record keyed by them', () => {
    expect(namedTags("export const offered = ['ja', 'vi', 'ko', 'ne'] as const").size).toBe(3)
    expect(
      namedTags("const names = { ja: '日本語', vi: 'Tiếng Việt', ko: '한국어', 'pt-BR': 'Português' }").size,
    ).toBe(3)
    expect(namedTags('const row = { id: 1, my: 2, ne: 3 }').size).toBe(1)
  })
})

/** The registry's tags beyond ja and en a source text names: quoted, or as keys where unambiguous. */
function namedTags(text: string): Set<string> {
  const others = languageTags.filter((tag) => tag !== 'ja' && tag !== 'en')
  const quoted = new RegExp(`['"\`](${others.join('|')})['"\`]`, 'g')
  const plain = others.filter((t) => /^[a-z]+$/.test(t) && !['id', 'my'].includes(t))
  const keys = new RegExp(`[{,\\s](${plain.join('|')})\\s*:`, 'g')
  return new Set([...text.matchAll(quoted), ...text.matchAll(keys)].map((m) => m[1]!))
}
