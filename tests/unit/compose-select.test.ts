import { describe, expect, it } from 'vitest'
import { coverageOf, indexMessages, selectMessage } from '../../shared/compose'
import { fixtureNationalPart } from '../../shared/contract/fixture'
import { fixtureIndex } from './compose-support'

describe('selectMessage', () => {
  it('finds the message written for the slot, audience and language', () => {
    const selection = selectMessage(fixtureIndex, 'pregnancy/196', 'primary', 'ja', ['ja'])
    expect(selection).toMatchObject({ found: true, fallback: 'none', audience: 'primary', language: 'ja' })
    expect(selection.found && selection.message.id).toBe('msg-pregnancy-196-primary-ja')
  })

  it('gives a partner the partner wording, not the pregnant person’s', () => {
    const selection = selectMessage(fixtureIndex, 'pregnancy/196', 'partner', 'ja', ['ja'])
    expect(selection.found && selection.message.id).toBe('msg-pregnancy-196-partner-ja')
    expect(selection.found && selection.fallback).toBe('none')
  })

  it('gives a family member the partner wording when no family wording exists', () => {
    const selection = selectMessage(fixtureIndex, 'pregnancy/196', 'family', 'ja', ['ja'])
    expect(selection).toMatchObject({ found: true, audience: 'partner', fallback: 'audience' })
  })

  it('falls back to the tenant’s language order when the resident’s language is missing', () => {
    const selection = selectMessage(fixtureIndex, 'pregnancy/196', 'primary', 'vi', ['en', 'ja'])
    expect(selection).toMatchObject({ found: true, language: 'ja', fallback: 'language' })
  })

  it('gives an English-reading partner the partner’s Japanese, never the pregnant person’s English', () => {
    const index = new Map(fixtureIndex)
    const english = fixtureNationalPart.messages.find((m) => m.id === 'msg-pregnancy-196-primary-ja')!
    index.set('pregnancy/196|primary|en', { ...english, id: 'primary-en', language: 'en' })
    const selection = selectMessage(index, 'pregnancy/196', 'partner', 'en', ['ja'])
    expect(selection).toMatchObject({
      found: true,
      language: 'ja',
      audience: 'partner',
      fallback: 'language',
    })
  })

  it('gives a partner the primary wording only as the last resort, marked as one', () => {
    const selection = selectMessage(fixtureIndex, 'newborn/30', 'partner', 'en', ['ja'])
    expect(selection).toMatchObject({
      found: true,
      language: 'en',
      audience: 'primary',
      fallback: 'last-resort',
    })
    expect(coverageOf(selection)).toBe('none')
  })

  it('never hands a primary resident the partner’s wording', () => {
    const index = indexMessages({
      ...fixtureNationalPart,
      messages: fixtureNationalPart.messages.filter((m) => m.audience === 'partner'),
    })
    const selection = selectMessage(index, 'pregnancy/196', 'primary', 'ja', ['ja'])
    expect(selection.found).toBe(false)
  })

  it('reports a gap with every key it tried', () => {
    const selection = selectMessage(fixtureIndex, 'age2/10', 'family', 'en', ['ja'])
    expect(selection).toEqual({
      found: false,
      slot: 'age2/10',
      audience: 'family',
      language: 'en',
      tried: [
        'age2/10|family|en',
        'age2/10|family|ja-x-easy',
        'age2/10|family|ja',
        'age2/10|partner|en',
        'age2/10|partner|ja-x-easy',
        'age2/10|partner|ja',
        'age2/10|primary|en',
        'age2/10|primary|ja-x-easy',
        'age2/10|primary|ja',
      ],
    })
  })

  it('builds the index once per national part', () => {
    expect(indexMessages(fixtureNationalPart)).toBe(fixtureIndex)
    expect(fixtureIndex.size).toBe(fixtureNationalPart.messages.length)
  })
})
