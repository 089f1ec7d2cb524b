import type { LanguageEntry } from './entry'

/**
 * Every language yorisoi writes in, one entry each: adding a language is adding an entry here.
 * `ja` is the source every text is written in first. Fallback orders: readers who share kanji or
 * commonly learn Japanese before English in Japan read やさしい日本語 first; the others English.
 */
export const languageRegistry = [
  {
    tag: 'ja',
    names: { own: '日本語', ja: '日本語', en: 'Japanese' },
    script: 'Jpan',
    sms: 'UCS-2',
    direction: 'ltr',
    fallback: [],
    font: 'Noto Sans JP',
  },
  {
    // A private-use subtag: BCP 47 has no registered tag for the guideline's plain Japanese.
    tag: 'ja-x-easy',
    names: { own: 'やさしい日本語', ja: 'やさしい日本語', en: 'Easy Japanese' },
    script: 'Jpan',
    sms: 'UCS-2',
    direction: 'ltr',
    fallback: ['ja'],
    font: 'Noto Sans JP',
  },
  {
    tag: 'en',
    names: { own: 'English', ja: '英語', en: 'English' },
    script: 'Latn',
    sms: 'GSM-7',
    direction: 'ltr',
    fallback: ['ja-x-easy'],
    font: 'Noto Sans',
  },
  {
    tag: 'zh-Hans',
    names: { own: '简体中文', ja: '中国語（簡体字）', en: 'Chinese (Simplified)' },
    script: 'Hans',
    sms: 'UCS-2',
    direction: 'ltr',
    fallback: ['ja', 'en'],
    font: 'Noto Sans SC',
  },
  {
    tag: 'vi',
    names: { own: 'Tiếng Việt', ja: 'ベトナム語', en: 'Vietnamese' },
    script: 'Latn',
    sms: 'UCS-2',
    direction: 'ltr',
    fallback: ['ja-x-easy', 'en'],
    font: 'Noto Sans',
  },
  {
    tag: 'ko',
    names: { own: '한국어', ja: '韓国語', en: 'Korean' },
    script: 'Kore',
    sms: 'UCS-2',
    direction: 'ltr',
    fallback: ['ja-x-easy', 'en'],
    font: 'Noto Sans KR',
  },
  {
    tag: 'tl',
    names: { own: 'Tagalog', ja: 'タガログ語', en: 'Tagalog' },
    script: 'Latn',
    sms: 'GSM-7',
    direction: 'ltr',
    fallback: ['en', 'ja-x-easy'],
    font: 'Noto Sans',
  },
  {
    tag: 'pt-BR',
    names: { own: 'Português (Brasil)', ja: 'ポルトガル語（ブラジル）', en: 'Portuguese (Brazil)' },
    script: 'Latn',
    sms: 'UCS-2',
    direction: 'ltr',
    fallback: ['ja-x-easy', 'en'],
    font: 'Noto Sans',
  },
  {
    tag: 'ne',
    names: { own: 'नेपाली', ja: 'ネパール語', en: 'Nepali' },
    script: 'Deva',
    sms: 'UCS-2',
    direction: 'ltr',
    fallback: ['en', 'ja-x-easy'],
    font: 'Noto Sans Devanagari',
  },
  {
    tag: 'id',
    names: { own: 'Bahasa Indonesia', ja: 'インドネシア語', en: 'Indonesian' },
    script: 'Latn',
    sms: 'GSM-7',
    direction: 'ltr',
    fallback: ['en', 'ja-x-easy'],
    font: 'Noto Sans',
  },
  {
    tag: 'my',
    names: { own: 'မြန်မာဘာသာ', ja: 'ミャンマー語', en: 'Burmese' },
    script: 'Mymr',
    sms: 'UCS-2',
    direction: 'ltr',
    fallback: ['en', 'ja-x-easy'],
    font: 'Noto Sans Myanmar',
  },
] as const satisfies readonly LanguageEntry[]
