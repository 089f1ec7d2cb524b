import type { SelectField } from 'payload'
import { label } from './i18n'

/** Languages a message or a local entry can be written in. `ja` is always the source. */
export const defaultLanguages = ['ja', 'en', 'zh', 'ko', 'vi', 'pt', 'tl', 'ne', 'id'] as const

export const languageLabels: Record<string, { ja: string; en: string }> = {
  ja: { ja: '日本語', en: 'Japanese' },
  en: { ja: '英語', en: 'English' },
  zh: { ja: '中国語', en: 'Chinese' },
  ko: { ja: '韓国語', en: 'Korean' },
  vi: { ja: 'ベトナム語', en: 'Vietnamese' },
  pt: { ja: 'ポルトガル語', en: 'Portuguese' },
  tl: { ja: 'タガログ語', en: 'Tagalog' },
  ne: { ja: 'ネパール語', en: 'Nepali' },
  id: { ja: 'インドネシア語', en: 'Indonesian' },
}

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
