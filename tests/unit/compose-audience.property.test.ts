import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays } from '../../shared/calendar'
import {
  composeDay,
  coverageOf,
  indexMessages,
  languageChain,
  type MessageIndex,
  messageKey,
  programOf,
  selectMessage,
} from '../../shared/compose'
import { type Audience, audiences, type MessageVersion } from '../../shared/contract'
import { fixtureNationalPart } from '../../shared/contract/fixture'
import { languageTags } from '../../shared/languages'
import { planDay } from '../../shared/program'
import { links, sakura } from './compose-support'

// For every language and audience: the wording chosen is the reader's own audience's or an allowed
// fallback's, never the primary's for a partner or family member unless it is the flagged last
// resort, and never nothing while the slot has any text in the reader's language chain.

const slot = 'pregnancy/196'
const model = fixtureNationalPart.messages[0]!
const allowed: Record<Audience, readonly Audience[]> = {
  primary: ['primary'],
  partner: ['partner'],
  family: ['family', 'partner'],
}

const everyKey = audiences.flatMap((audience) => languageTags.map((language) => ({ audience, language })))
const content = fc.subarray(everyKey)
const reader = fc.record({
  audience: fc.constantFrom(...audiences),
  language: fc.constantFrom(...languageTags),
  townFallback: fc.subarray([...languageTags]),
})

function indexOf(keys: readonly { audience: Audience; language: string }[]): MessageIndex {
  return new Map(
    keys.map(({ audience, language }): [string, MessageVersion] => [
      messageKey(slot, audience, language),
      { ...model, id: `${audience}-${language}`, audience, language },
    ]),
  )
}

describe('wording per audience', () => {
  it('holds for every language, audience, town fallback and content', () => {
    fc.assert(
      fc.property(content, reader, (keys, { audience, language, townFallback }) => {
        const index = indexOf(keys)
        const chain = languageChain(language, townFallback)
        const has = (who: Audience) => chain.some((lang) => index.has(messageKey(slot, who, lang)))
        const selection = selectMessage(index, slot, audience, language, townFallback)
        const rightExists = allowed[audience].some(has)

        // Never nothing: any text for an allowed audience or the primary in the chain is found.
        expect(selection.found).toBe(rightExists || has('primary'))
        if (!selection.found) return
        expect(chain).toContain(selection.language)
        if (allowed[audience].includes(selection.audience)) {
          expect(selection.fallback).not.toBe('last-resort')
          expect(coverageOf(selection)).not.toBe('none')
        } else {
          // The only other wording is the primary's, for a partner or family member, as the last resort.
          expect(selection.audience).toBe('primary')
          expect(audience).not.toBe('primary')
          expect(rightExists).toBe(false)
          expect(selection.fallback).toBe('last-resort')
          expect(coverageOf(selection)).toBe('none')
        }
        // Own wording in the reader's language is always taken first.
        if (index.has(messageKey(slot, audience, language))) expect(coverageOf(selection)).toBe('own')
        // The audience rule wins over the language: the reader's own audience in any language first.
        if (has(audience)) expect(selection.audience).toBe(audience)
      }),
      { numRuns: 2000 },
    )
  })

  it('reaches Japanese in every chain, after the language’s own fallback order', () => {
    for (const language of languageTags) {
      const chain = languageChain(language, [])
      expect(chain[0]).toBe(language)
      expect(chain).toContain('ja')
    }
    expect(languageChain('vi', ['ko'])).toEqual(['vi', 'ja-x-easy', 'en', 'ko', 'ja'])
  })

  it('sends a partner the primary wording as the last resort and records the gap', () => {
    const date = '2026-11-23'
    const timelines = [{ from: '2026-06-01', due: addDays(date, 84) }]
    const plan = planDay(timelines, date, programOf(sakura.tenant))!
    const onlyPrimary = indexMessages({
      ...fixtureNationalPart,
      messages: fixtureNationalPart.messages.filter((m) => m.audience === 'primary'),
    })
    const outcome = composeDay({
      tenant: sakura,
      index: onlyPrimary,
      subscriber: { nickname: 'タロウ', audience: 'partner', language: 'en' },
      timelines,
      plan,
      date,
      links,
    })
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems))
    expect(outcome.value.messages).toMatchObject([{ audience: 'primary', fallback: 'last-resort' }])
    expect(outcome.value.gaps).toMatchObject([
      {
        slot,
        audience: 'partner',
        lastResort: { messageId: 'msg-pregnancy-196-primary-ja', language: 'ja' },
      },
    ])
  })
})
