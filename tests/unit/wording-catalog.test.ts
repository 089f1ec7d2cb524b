import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { extractWording, uniqueWording } from '../../dev/wording/extract'
import { languageTags } from '../../shared/languages'
import { negotiateLanguage } from '../../shared/languages/negotiate'
import { fillSlots, wordIn } from '../../shared/languages/wording'
import { wordingCatalogs } from '../../shared/languages/wording/index'

// Every fixed text residents read exists in every language: a catalogue per language keyed by the
// Japanese as written in the code, so a new text without its translations fails here, not on a
// Nepali mother's phone.

const root = resolve(import.meta.dirname, '../..')
const extraction = extractWording(root)
const keys = uniqueWording(extraction.wordings)
const slots = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('the wording catalogues', () => {
  it('find the pages’ texts', () => {
    expect(keys.length).toBeGreaterThan(250)
    expect(keys.map((k) => k.ja)).toContain('確認コードの入力')
  })

  it('have no text built with a template substitution: slots ({name}) keep a text one key', () => {
    expect(extraction.dynamic).toEqual([])
  })

  it('have a catalogue for every language beyond Japanese and English', () => {
    expect(Object.keys(wordingCatalogs).sort()).toEqual(
      languageTags.filter((t) => t !== 'ja' && t !== 'en').sort(),
    )
  })

  for (const [tag, catalog] of Object.entries(wordingCatalogs)) {
    it(`${tag}: translates every text, with the same slots, and keeps no text the code no longer has`, () => {
      const missing = keys
        .filter((k) => catalog[k.ja] === undefined || catalog[k.ja]?.trim() === '')
        .map((k) => k.where)
      expect(missing, `${missing.length} untranslated; npm run wording -- missing ${tag}`).toEqual([])
      const wrongSlots = keys.filter(
        (k) => catalog[k.ja] !== undefined && slots(catalog[k.ja] ?? '').join() !== slots(k.ja).join(),
      )
      expect(wrongSlots.map((k) => k.ja)).toEqual([])
      const known = new Set(keys.map((k) => k.ja))
      expect(Object.keys(catalog).filter((ja) => !known.has(ja))).toEqual([])
    })
  }
})

describe('a reader’s wording', () => {
  const wording = { ja: '{n}件の相談', en: '{n} consultations', values: { n: 3 } }

  it('fills slots, and leaves an unknown slot visible', () => {
    expect(fillSlots('{n}件 {x}', { n: 3 })).toBe('3件 {x}')
  })

  it('is Japanese or English as written, and English when a language lacks the text', () => {
    expect(wordIn(wording, 'ja')).toEqual({ text: '3件の相談', lang: 'ja' })
    expect(wordIn(wording, 'en')).toEqual({ text: '3 consultations', lang: 'en' })
    expect(wordIn(wording, 'ne')).toEqual({ text: '3 consultations', lang: 'en' })
    expect(wordIn(wording, 'xx')).toEqual({ text: '3 consultations', lang: 'en' })
  })

  it('names the town in Latin script in a text that is not Japanese, and in Japanese in one that is', () => {
    const heading = {
      ja: '{town}からのお知らせ',
      en: 'From {town}',
      values: { town: 'さくら市', townEn: 'Sakura City' },
    }
    expect(wordIn(heading, 'ja').text).toBe('さくら市からのお知らせ')
    expect(wordIn(heading, 'en').text).toBe('From Sakura City')
    const vi = wordIn(heading, 'vi')
    expect(vi.lang).toBe('vi')
    expect(vi.text).toContain('Sakura City')
    expect(vi.text).not.toContain('さくら市')
    expect(wordIn(heading, 'ja-x-easy').text).toContain('さくら市')
  })

  it('is the catalogue’s translation when there is one', () => {
    const key = keys.find((k) => wordingCatalogs.vi?.[k.ja] !== undefined)
    if (!key) return expect(keys.length).toBe(0)
    expect(wordIn({ ja: key.ja, en: key.en }, 'vi').lang).toBe('vi')
  })
})

describe('the browser’s language', () => {
  const offered = languageTags
  it('is matched to the registry’s tags by q order, regional tags included', () => {
    expect(negotiateLanguage('vi-VN,vi;q=0.9,en;q=0.8', offered)).toBe('vi')
    expect(negotiateLanguage('zh-CN,zh;q=0.9', offered)).toBe('zh-Hans')
    expect(negotiateLanguage('pt-BR', offered)).toBe('pt-BR')
    expect(negotiateLanguage('fil', offered)).toBe('tl')
    expect(negotiateLanguage('fr;q=1, ne;q=0.5', offered)).toBe('ne')
    expect(negotiateLanguage('en;q=0.2, my;q=0.9', offered)).toBe('my')
  })
  it('is undefined when nothing offered is asked for', () => {
    expect(negotiateLanguage('fr-FR', offered)).toBeUndefined()
    expect(negotiateLanguage('vi', ['ja', 'en'])).toBeUndefined()
    expect(negotiateLanguage(undefined, offered)).toBeUndefined()
  })
})
