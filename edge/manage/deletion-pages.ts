import { html } from 'hono/html'
import { bi, biInline } from '../web/bilingual'
import { tokyoTime } from '../web/local-time'
import { noticePage } from '../web/notice'
import type { Requested } from './deletion'

/** After "delete my data": the confirmation is on its way, or the day it will be deleted. */
export function deletionRequestedPage(token: string, asked: Requested) {
  const back = html`<a href="/r/${token}">${biInline('登録内容のページにもどる', 'Back to your registration')}</a>`
  if (asked.kind === 'sent')
    return noticePage(
      { ja: '確認のメッセージを送りました', en: 'We sent you a message to confirm' },
      bi(
        'いまの受け取り先に届いたリンクを開いて「削除する」を押すと、削除します（7日間有効）。それまでは何も削除しません。',
        'Open the link sent to where your messages go now and press “Delete” (valid for 7 days). Until then nothing is deleted.',
      ),
      back,
    )
  return noticePage(
    { ja: '削除を予定しました', en: 'Your data is to be deleted' },
    bi(
      'いまの受け取り先にはお届けできないため、確認のメッセージを送れませんでした。7日後に削除します（{when}）。それまでは、登録内容のページから取り消せます。',
      'Where your messages go cannot be reached, so we could not ask you to confirm. Your data is deleted in 7 days ({when}); until then you can cancel on your registration page.',
      { when: tokyoTime(asked.deleteAfter) },
    ),
    back,
  )
}

/** A deletion confirmed while the address a recent change replaced may still undo it. */
export function deletionPutOffPage(until: string) {
  return noticePage(
    { ja: '削除を予定しました', en: 'Your data is to be deleted' },
    bi(
      '受け取り先の変更から14日間は、元の受け取り先から変更を取り消せるため、削除はその後に行います（{when}）。それまでは、登録内容のページから取り消せます。',
      'For 14 days after a change of address, the previous address can undo it, so your data is deleted after that ({when}). Until then you can cancel on your registration page.',
      { when: tokyoTime(until) },
    ),
  )
}
