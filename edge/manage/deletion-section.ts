import { html } from 'hono/html'
import { bi, biInline } from '../web/bilingual'
import { tokyoTime } from '../web/local-time'
import type { PendingDeletion } from './deletion'

/** On the manage page: a deletion waiting for its confirmation or its day, and how to cancel it. */
export function pendingDeletionSection(token: string, pending: PendingDeletion) {
  const when = pending.deleteAfter ? tokyoTime(pending.deleteAfter) : ''
  return html`<section aria-labelledby="deletion-title" role="note">
    <h2 id="deletion-title">${biInline('データの削除', 'Deleting your data')}</h2>
    <p>${
      pending.deleteAfter
        ? bi(
            '削除を予定しています（{when}）。取り消さなければ、その日に削除します。',
            'Your data is to be deleted on {when}, unless you cancel.',
            { when },
          )
        : bi(
            '削除の確認を待っています。いまの受け取り先に送ったリンクから「削除する」を押すと削除します。',
            'Deleting waits for you: press “Delete” from the link we sent to where your messages go now.',
          )
    }</p>
    <form method="post" action="/r/${token}/delete/cancel"><button type="submit">${biInline('削除を取り消す', 'Cancel the deletion')}</button></form>
  </section>`
}
