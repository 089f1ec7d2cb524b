import { html } from 'hono/html'
import type { TaskText } from '../../shared/contract'
import { bi, biInline } from '../web/bilingual'
import { layout } from '../web/layout'

/** The "done" link's page: it only asks (a mail scanner opening the link marks nothing); the button posts. */
export function taskDonePage(input: { text: TaskText; action: string }) {
  return layout(
    { ja: '済んだことのお知らせ', en: 'Let us know it is done' },
    html`<main>
  <h1 lang="${input.text.language}">${input.text.title}</h1>
  <p lang="${input.text.language}">${input.text.line}</p>
  <p>${bi('済みましたら、下のボタンを押してください。このお知らせは届かなくなります。', 'Once it is done, press the button below and we will stop reminding you.')}</p>
  <form method="post" action="${input.action}">
    <button type="submit">${biInline('済みました', 'It is done')}</button>
  </form>
</main>`,
  )
}

/** After the tap, or on a second visit once it is done. */
export function taskThanksPage(text: TaskText) {
  return layout(
    { ja: 'お知らせありがとうございました', en: 'Thank you for letting us know' },
    html`<main>
  <h1>${bi('お知らせありがとうございました', 'Thank you for letting us know')}</h1>
  <p><span lang="${text.language}">${text.title}</span></p>
  <p>${bi('済んだものとして記録しました。このことでのお知らせは、もう届きません。', 'We have noted it as done; you will get no more reminders about it.')}</p>
</main>`,
  )
}

/** A task the town no longer publishes. */
export function taskClosedPage() {
  return layout(
    { ja: 'このお知らせは終了しました', en: 'This reminder has ended' },
    html`<main>
  <h1>${bi('このお知らせは終了しました', 'This reminder has ended')}</h1>
  <p>${bi('お知らせする必要はありません。ありがとうございました。', 'There is nothing more to tell us. Thank you.')}</p>
</main>`,
  )
}
