/**
 * Payload's own Japanese leaves a few words in English: a document without a title reads
 * "[Untitled]", an empty search "Nothing found", a checkbox cell "true". Staff read Japanese.
 * A fresh object each time: plugins add their own tables into it.
 */
export const payloadJapanese = () => ({
  general: {
    untitled: '無題',
    notFound: '見つかりません',
    nothingFound: '見つかりませんでした',
    thisLanguage: '日本語',
    payloadSettings: '管理画面の設定',
    true: 'はい',
    false: 'いいえ',
  },
  fields: {
    chooseBetweenCustomTextOrDocument: 'URL を入力するか、他のドキュメントへのリンクを選んでください。',
    customURL: 'URL を入力',
  },
})
