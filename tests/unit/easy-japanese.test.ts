import { describe, expect, it } from 'vitest'
import {
  doubleNegatives,
  kanjiWithoutReading,
  placeholderLength,
  sentenceLimit,
} from '../../seed/content/easy-japanese'
import { generateSampleMessages } from '../../seed/content/generate'
import { jaEasy } from '../../seed/content/languages/ja-x-easy'
import { outsideReadings, withoutReadings } from '../../seed/content/readings'
import { budgetedLength } from '../../seed/content/short-text'
import { portableBody } from '../../shared/contract'
import { wordingCatalogs } from '../../shared/languages/wording/index'
import { allSendSlots, standardProgram } from '../../shared/program'
import { measureSms } from '../../shared/sms'

// やさしい日本語 as a checked style: every text of the ja-x-easy sample content, as written in its
// language files (with {漢字|かんじ} readings), and every SMS form it produces.

/** Every string in the content, with where it sits, and each greeting as it reads on real days. */
function texts(): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = []
  const walk = (value: unknown, where: string) => {
    if (typeof value === 'string') out.push({ where, text: value })
    else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) walk(v, `${where}.${key}`)
    }
  }
  const { language, audiences, ...content } = jaEasy
  walk(content, 'ja-x-easy')
  const days = ['pregnancy/30', 'newborn/0', 'newborn/20', 'infant/106', 'age1/0', 'age1/4', 'age2/6']
  for (const audience of audiences) {
    for (const day of days) {
      const track = day.startsWith('pregnancy') ? 'pregnancy' : 'child'
      const text = jaEasy.words[audience]!.greeting(jaEasy.dayLabel(day), track)
      out.push({ where: `greeting ${audience} ${day}`, text })
    }
  }
  return out
}

const all = texts()

/** Sentences over the limit, as `where: sentence (length)`. */
function tooLong(list: { where: string; text: string }[]): string[] {
  return list.flatMap(({ where, text }) =>
    sentences(text)
      .filter((s) => s.length > sentenceLimit)
      .map((s) => `${where}: ${s} (${s.length})`),
  )
}

/** Kanji beyond grade 2 without a reading, and readings that are not hiragana over kanji. */
function unreadable(list: { where: string; text: string }[]): string[] {
  return list.flatMap(({ where, text }) => [
    ...[...outsideReadings(text).matchAll(/\p{Script=Han}/gu)]
      .map((m) => m[0])
      .filter((kanji) => !kanjiWithoutReading.has(kanji))
      .map((kanji) => `${where}: ${kanji}`),
    ...[...text.matchAll(/\{([^{}|]+)\|([^{}|]+)\}/g)]
      .filter(
        ([, base, reading]) =>
          !/\p{Script=Han}/u.test(base!) || !/^[\p{Script=Hiragana}ー]+$/u.test(reading!),
      )
      .map(([markup]) => `${where}: ${markup}`),
  ])
}

function doubled(list: { where: string; text: string }[]): string[] {
  return list
    .filter(({ text }) => doubleNegatives.some((pattern) => pattern.test(withoutReadings(text))))
    .map(({ where, text }) => `${where}: ${text}`)
}

function sentences(text: string): string[] {
  return withoutReadings(text)
    .replace(/\{\{[a-zA-Z]+\}\}|\{\w+\}/g, 'x'.repeat(placeholderLength))
    .split(/(?<=[。！？])|\n/)
    .map((s) => s.trim())
    .filter(Boolean)
}

describe('やさしい日本語 sample texts', () => {
  it('are all there: hundreds of texts for primary, partner and family', () => {
    expect(all.length).toBeGreaterThan(300)
    expect(jaEasy.audiences).toEqual(['primary', 'partner', 'family'])
  })

  it(`keep every sentence within ${sentenceLimit} characters (readings not counted)`, () => {
    expect(tooLong(all)).toEqual([])
  })

  it('write every kanji beyond grade 2 with a reading, and every reading in hiragana', () => {
    expect(unreadable(all)).toEqual([])
  })

  it('use no double negatives', () => {
    expect(doubled(all)).toEqual([])
  })

  it('catch what they are meant to catch', () => {
    expect(sentences('{妊娠|にんしん}しています。{{deskName}}に{電話|でんわ}します。')).toEqual([
      '妊娠しています。',
      'xxxxに電話します。',
    ])
    expect(outsideReadings('{妊娠|にんしん}の{検査|けんさ}と健診').match(/\p{Script=Han}/gu)).toEqual([
      '健',
      '診',
    ])
    expect(kanjiWithoutReading.size).toBe(240)
    expect(doubleNegatives.some((p) => p.test('行けないわけではない'))).toBe(true)
  })
})

// The pages' own wording (chrome, forms, errors, notices, confirmations) in the same style: its
// catalogue, keyed by the Japanese as the code writes it, with {name} slots counted as a short word.
describe('the やさしい日本語 page catalogue', () => {
  const catalogue = Object.entries(wordingCatalogs['ja-x-easy']!).map(([ja, text]) => ({ where: ja, text }))

  it('is all there', () => {
    expect(catalogue.length).toBeGreaterThan(400)
  })

  it(`keeps every sentence within ${sentenceLimit} characters (readings not counted)`, () => {
    expect(tooLong(catalogue)).toEqual([])
  })

  it('writes every kanji beyond grade 2 with a reading, and every reading in hiragana', () => {
    expect(unreadable(catalogue)).toEqual([])
  })

  it('uses no double negatives', () => {
    expect(doubled(catalogue)).toEqual([])
  })

  it('is the only catalogue that carries readings', () => {
    const others = Object.entries(wordingCatalogs).filter(([tag]) => tag !== 'ja-x-easy')
    const marked = others.flatMap(([tag, catalog]) =>
      Object.values(catalog)
        .filter((text) => /\{[^{}]*\|/.test(text))
        .map((text) => `${tag}: ${text}`),
    )
    expect(marked).toEqual([])
  })

  it('catches a long sentence, a bare kanji and a slot counted as a word', () => {
    const fits = `{town}から${'あ'.repeat(33)}。`
    const over = `{town}から${'あ'.repeat(34)}。`
    expect(tooLong([{ where: 'x', text: fits }])).toEqual([])
    expect(tooLong([{ where: 'x', text: over }])).toEqual([`x: xxxxから${'あ'.repeat(34)}。 (41)`])
    const kanji = [{ where: 'x', text: '{届|とど}きました。届きました。{届|トド}く' }]
    expect(unreadable(kanji)).toEqual(['x: 届', 'x: {届|トド}'])
  })
})

describe('やさしい日本語 messages as residents get them', () => {
  const slots = allSendSlots(standardProgram)
  const messages = generateSampleMessages(slots, [
    { audience: 'primary', language: 'ja-x-easy' },
    { audience: 'partner', language: 'ja-x-easy' },
    { audience: 'family', language: 'ja-x-easy' },
  ])

  it('cover every send slot for every audience', () => {
    expect(messages).toHaveLength(slots.length * 3)
  })

  it('carry readings as ruby in the body and as 漢字（かんじ） in subject and short text, with no markup left', () => {
    for (const m of messages) {
      const json = JSON.stringify([m.subject, m.body, m.shortText])
      expect(json, m.slot).not.toMatch(/\{[^{}]*\|/)
      expect(portableBody.safeParse(m.body).success, m.slot).toBe(true)
    }
    const first = messages[0]!.body.blocks[0]!
    expect(JSON.stringify(first)).toContain('{"t":"ruby","base":"見本","reading":"みほん"}')
    expect(messages.some((m) => /（[\p{Script=Hiragana}ー]+）/u.test(m.shortText))).toBe(true)
  })

  it('fit each SMS short text, with the page link, in one UCS-2 segment', () => {
    const link = `\n${'x'.repeat(19)}`
    for (const m of messages) {
      expect(budgetedLength(m.shortText), m.shortText).toBeLessThanOrEqual(jaEasy.shortTextLimit)
      const expanded = m.shortText.replace(/\{\{[a-zA-Z]+\}\}/g, (ph) => 'あ'.repeat(budgetedLength(ph)))
      const sms = measureSms(`${expanded}${link}`)
      expect(sms, m.shortText).toMatchObject({ encoding: 'UCS-2', segments: 1, fits: true })
    }
  })
})
