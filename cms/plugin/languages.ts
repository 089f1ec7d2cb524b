import type { TextField, TextFieldManyValidation, TextFieldSingleValidation } from 'payload'
import { languageName, languageTags } from '../../shared/languages'
import { wordsCell } from './fields/wordsCells'
import { bilingual, label } from './i18n'

/** Languages a message or a local entry can be written in: the registry's, `ja` (the source) first. */
export const defaultLanguages: readonly string[] = languageTags

/** Staff read a language by its Japanese and English names. */
export const languageLabels: Record<string, { ja: string; en: string }> = Object.fromEntries(
  languageTags.map((tag) => {
    const { ja, en } = languageName(tag)
    return [tag, { ja, en }]
  }),
)

export const languageOptions = (languages: readonly string[]) =>
  languages.map((value) => ({ value, label: languageLabels[value] ?? { ja: value, en: value } }))

const unknownTag = (tag: unknown, languages: readonly string[]) =>
  bilingual(
    `「${String(tag)}」は登録されている言語ではありません。選べる言語: ${languages.map((t) => languageLabels[t]?.ja ?? t).join('、')}`,
    `"${String(tag)}" is not a registered language. Choose one of: ${languages.join(', ')}`,
  )

const empty = (value: unknown) => value === null || value === undefined || value === ''

// Stored as text, not a Postgres enum: a language added to shared/languages needs no migration.
// The registry (or the plugin's chosen subset) is checked here instead, and the admin still shows
// Payload's own select (LanguageSelect).
const oneOf =
  (languages: readonly string[], required: boolean): TextFieldSingleValidation =>
  (value) => {
    if (empty(value)) return required ? bilingual('言語を選んでください', 'Choose a language') : true
    return languages.includes(String(value)) ? true : unknownTag(value, languages)
  }

const allOf =
  (languages: readonly string[], required: boolean): TextFieldManyValidation =>
  (value) => {
    const tags = value ?? []
    if (tags.length === 0 && required) return bilingual('言語を選んでください', 'Choose a language')
    const unknown = tags.find((tag) => !languages.includes(tag))
    return unknown === undefined ? true : unknownTag(unknown, languages)
  }

const selectComponent = (languages: readonly string[], hasMany: boolean) => ({
  path: '/plugin/fields/LanguageSelect#LanguageSelect',
  clientProps: { options: languageOptions(languages), hasMany },
})

type LanguageFieldOptions = {
  name?: string
  label?: { ja: string; en: string }
  required?: boolean
  defaultValue?: string
  index?: boolean
}

/** One language from `languages`, a text column shown as a select. */
export const languageTextField = (
  languages: readonly string[],
  {
    name = 'language',
    label: fieldLabel = label('言語', 'Language'),
    required = true,
    ...rest
  }: LanguageFieldOptions = {},
): TextField => ({
  name,
  type: 'text',
  required,
  ...rest,
  label: fieldLabel,
  validate: oneOf(languages, required),
  admin: { components: { Field: selectComponent(languages, false), ...wordsCell('language').components } },
})

/** Several languages from `languages` in order (rows of the collection's `_texts` table), shown as a multi-select. */
export const languageListField = (
  languages: readonly string[],
  {
    name,
    label: fieldLabel,
    required = false,
    defaultValue,
  }: { name: string; label: { ja: string; en: string }; required?: boolean; defaultValue?: string[] },
): TextField => ({
  name,
  type: 'text',
  hasMany: true,
  required,
  ...(defaultValue ? { defaultValue } : {}),
  label: fieldLabel,
  validate: allOf(languages, required),
  admin: { components: { Field: selectComponent(languages, true) } },
})

/** The language a text is written in, chosen from the plugin's languages (the first by default). */
export const languageField = (languages: readonly string[]): TextField =>
  languageTextField(languages, { defaultValue: languages[0] })
