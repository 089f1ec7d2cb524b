import { html } from 'hono/html'
import { bi, biInline } from '../web/bilingual'
import { layout } from '../web/layout'

// A button, not the link itself: mail scanners open links, and must not confirm for the resident.
export function confirmPage(token: string) {
  return layout(
    { ja: '登録の確定', en: 'Confirm your registration' },
    html`<main>
  <h1>${bi('登録の確定', 'Confirm your registration')}</h1>
  <p>${bi('下のボタンを押すと、登録が確定し、お便りが届くようになります。', 'Press the button to confirm; messages will start.')}</p>
  <form method="post" action="/c/${token}"><button type="submit">${biInline('登録を確定する', 'Confirm')}</button></form>
</main>`,
  )
}
