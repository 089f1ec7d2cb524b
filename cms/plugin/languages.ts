import type { SelectField } from 'payload'
import { languageName, languageTags } from '../../shared/languages'
import { label } from './i18n'

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

/** The language a text is written in, chosen from the plugin's languages (the first by default). */
export const languageField = (languages: readonly string[]): SelectField => ({
  name: 'language',
  type: 'select',
  required: true,
  defaultValue: languages[0],
  label: label('言語', 'Language'),
  options: languageOptions(languages),
})
