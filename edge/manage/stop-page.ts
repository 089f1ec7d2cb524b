import { html } from 'hono/html'
import { bi, biInline } from '../web/bilingual'
import { layout } from '../web/layout'

/** The stop page's optional question: why (counted for the town's dashboard, never required). */
const reasonChoices = () =>
  [
    ['moved', biInline('引っ越した', 'I moved away')],
    ['enough', biInline('もう十分', 'I have had enough')],
    ['too-many', biInline('お便りが多すぎる', 'Too many messages')],
    ['not-useful', biInline('役に立たない', 'Not useful')],
    ['other', biInline('その他', 'Another reason')],
  ] as const

/** One button; the same POST a mail app sends for RFC 8058 one-click unsubscribe. */
export function stopPage(token: string) {
  return layout(
    { ja: '配信の停止', en: 'Stop the messages' },
    html`<main>
  <h1>${bi('配信の停止', 'Stop the messages')}</h1>
  <p>${bi('ボタンを押すと、お便りはすぐに止まります。', 'Press the button and the messages stop at once.')}</p>
  <form method="post" action="/s/${token}">
    <input type="hidden" name="List-Unsubscribe" value="One-Click" />
    <fieldset>
      <legend>${bi('よろしければ、止める理由を教えてください（答えなくても止まります）', 'If you like, tell us why (the messages stop either way)')}</legend>
      ${reasonChoices().map(
        ([value, text]) =>
          html`<p><label><input type="radio" name="reason" value="${value}" /> ${text}</label></p>`,
      )}
    </fieldset>
    <button type="submit">${biInline('お便りを止める', 'Stop the messages')}</button>
  </form>
</main>`,
  )
}

export function deletePage(token: string) {
  return layout(
    { ja: 'データの削除', en: 'Delete my data' },
    html`<main>
  <h1>${bi('データの削除', 'Delete my data')}</h1>
  <p>${bi('削除すると、ニックネーム、日付、連絡先、同意の記録がなくなります。元には戻せません。お便りも届かなくなります。', 'Deleting removes your nickname, dates, address and consent record. It cannot be undone, and messages stop.')}</p>
  <p>${bi('申し込むと、いまの受け取り先に確認のメッセージを送ります。そのリンクから「削除する」を押すと削除します。', 'When you ask, we send a message to where your messages go now; pressing “Delete” from its link deletes.')}</p>
  <form method="post" action="/r/${token}/delete"><button type="submit">${biInline('削除を申し込む', 'Ask to delete')}</button></form>
  <p><a href="/r/${token}">${biInline('もどる', 'Back')}</a></p>
</main>`,
  )
}

/** The deletion link's page: one button, so a mail scanner following the link deletes nothing. */
export function confirmDeletionPage(segment: string) {
  return layout(
    { ja: 'データの削除', en: 'Delete my data' },
    html`<main>
  <h1>${bi('データの削除', 'Delete my data')}</h1>
  <p>${bi('ボタンを押すと、ニックネーム、日付、連絡先、同意の記録をいますぐ削除します。元には戻せません。お便りも届かなくなります。', 'Press the button and your nickname, dates, address and consent record are deleted now. This cannot be undone, and messages stop.')}</p>
  <form method="post" action="/d/${segment}"><button type="submit">${biInline('削除する', 'Delete')}</button></form>
</main>`,
  )
}
