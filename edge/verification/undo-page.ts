import { html } from 'hono/html'
import { bi, biInline } from '../web/bilingual'
import { layout } from '../web/layout'

/** The "not me" link's page: one button, so a mail scanner following the link changes nothing. */
export function undoPage(segment: string) {
  return layout(
    { ja: '受け取り先の変更を元に戻す', en: 'Undo the change of address' },
    html`<main>
  <h1>${bi('受け取り先の変更を元に戻す', 'Undo the change of address')}</h1>
  <p>${bi(
    'ボタンを押すと、お便りはまたこの受け取り先に届きます。変更した人は、登録内容のページを開けなくなります。',
    'Press the button and messages come here again. Whoever changed it can no longer open your registration page.',
  )}</p>
  <form method="post" action="/u/${segment}"><button type="submit">${biInline('元に戻す', 'Undo the change')}</button></form>
</main>`,
  )
}

/** Done: what happened, and the new manage link, shown once. */
export function undonePage(replaced: string, manageUrl: string) {
  return layout(
    { ja: '受け取り先を元に戻しました', en: 'The change is undone' },
    html`<main>
  <h1>${bi('受け取り先を元に戻しました', 'The change is undone')}</h1>
  <p role="status">${bi(
    '受け取り先は {replaced} に変更されていました。元に戻したので、次のお便りからまたこちらに届きます。',
    'Your messages had been sent to {replaced}. They come here again from the next message.',
    { replaced },
  )}</p>
  <p>${bi(
    'これまでの登録内容のページのリンクは、変更した人の手元にあるものも含めて、使えなくなりました。新しいリンクはこちらです。ブックマークするか控えてください。この画面は二度と表示されません。',
    'Every earlier link to your registration page, including the one the other person has, no longer works. Here is your new link: bookmark or note it, as this page is not shown again.',
  )}</p>
  <p><a href="${manageUrl}">${manageUrl}</a></p>
  <p>${bi(
    '配信停止のリンクは、これまでどおり使えます。心配なことがあれば、お住まいのまちの窓口にご相談ください。',
    'The stop link in your messages keeps working. If you are worried, please ask your town’s desk.',
  )}</p>
</main>`,
  )
}
