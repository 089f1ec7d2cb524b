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
    // The notice over a document someone else has open. Payload's words read as if taking over
    // stopped *you*; a browser closed without saving leaves its lock for 5 minutes, which nothing
    // said. Shown as "<her address> さんが…"; the time under it is in English (Payload formats it
    // en-US), so custom.scss leaves it out of the Japanese notice.
    documentLocked: 'ほかの人が編集中です',
    currentlyEditing:
      'さんがこの文書を編集中です。ブラウザを閉じた場合も、最後の操作から5分間は編集中のままになります。「引き継ぐ」を押すと、あなたが編集して保存できるようになり、その人は保存できなくなります（その人がまだ保存していない変更は残りません）。',
    editedSince: '最後の操作',
  },
  fields: {
    chooseBetweenCustomTextOrDocument: 'URL を入力するか、他のドキュメントへのリンクを選んでください。',
    customURL: 'URL を入力',
  },
})
