import { initI18n } from '@payloadcms/translations'
import type { Field, SanitizedConfig } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildCmsConfig } from '../../cms/config/build'

// What staff read in a Japanese admin: every column and field heading, every value picked from a
// list, and Payload's own words (a document without a title, an empty search).

let config: SanitizedConfig
beforeAll(async () => {
  config = await buildCmsConfig({ databaseUrl: 'postgres://unused@127.0.0.1:1/unused', logLevel: 'silent' })
})

const japaneseOf = (label: unknown): string | undefined =>
  typeof label === 'object' && label !== null && 'ja' in label
    ? String((label as { ja: unknown }).ja)
    : undefined
/** A heading in Japanese, or one Payload or a plugin translates itself (a function of i18n). */
const headed = (field: Field) =>
  'label' in field && (typeof field.label === 'function' || Boolean(japaneseOf(field.label)))

type Shown = { where: string; field: Field }

/** Every field a person sees in a list column or an edit form (Payload's own id and dates aside). */
function shownFields(fields: Field[], where: string): Shown[] {
  return fields.flatMap((field): Shown[] => {
    const named = 'name' in field ? `${where}.${field.name}` : where
    const admin = (field.admin ?? {}) as { hidden?: boolean; disabled?: boolean }
    if (admin.hidden || admin.disabled || ('hidden' in field && field.hidden) || field.type === 'ui')
      return []
    const own =
      'name' in field && !['id', 'createdAt', 'updatedAt'].includes(field.name)
        ? [{ where: named, field }]
        : []
    const children = 'fields' in field ? shownFields(field.fields, named) : []
    const tabs = 'tabs' in field ? field.tabs.flatMap((tab) => shownFields(tab.fields, named)) : []
    return [...own, ...children, ...tabs]
  })
}

const ours = () =>
  config.collections
    .filter((c) => !c.slug.startsWith('payload-'))
    .flatMap((c) => shownFields(c.fields, c.slug))

describe('the words of the collections', () => {
  it('give every field a Japanese heading, never one Payload makes from its English name', () => {
    const unnamed = ours()
      .filter(({ field }) => !headed(field))
      .map(({ where }) => where)
    expect(unnamed).toEqual([])
  })

  it('show every value picked from a list in words, never its code (primary, standard)', () => {
    const raw = ours().flatMap(({ where, field }) =>
      field.type === 'select' || field.type === 'radio'
        ? field.options
            .map((option) => (typeof option === 'string' ? { value: option, label: option } : option))
            .filter((option) => {
              const ja = japaneseOf(option.label)
              return !ja || ja === option.value
            })
            .map((option) => `${where}=${option.value}`)
        : [],
    )
    expect(raw).toEqual([])
  })
})

describe("Payload's own words", () => {
  it('say 無題, not [Untitled], and Japanese for an empty search, a checkbox and the language', async () => {
    const i18n = await initI18n({ config: config.i18n, language: 'ja', context: 'client' })
    const words = [
      'general:untitled',
      'general:nothingFound',
      'general:notFound',
      'general:true',
      'general:false',
      'general:thisLanguage',
    ]
    const english = words
      .map((key) => i18n.t(key as 'general:untitled'))
      .filter((text) => /[A-Za-z]{3,}/.test(text))
    expect(english).toEqual([])
    expect(i18n.t('general:untitled')).toBe('無題')
  })
})
