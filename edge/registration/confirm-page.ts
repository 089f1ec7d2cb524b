import { html } from 'hono/html'
import type { TenantSettings } from '../../shared/contract'
import { bi, biInline } from '../web/bilingual'
import { layout } from '../web/layout'

/**
 * A button, not the link itself: mail scanners open links, and must not confirm for the resident.
 * `awaitingConsent`: the registration was started at the counter by staff, so the resident reads
 * the privacy notice and agrees here, with this button.
 */
export function confirmPage(token: string, awaitingConsent?: TenantSettings) {
  return layout(
    { ja: '登録の確定', en: 'Confirm your registration' },
    html`<main>
  <h1>${bi('登録の確定', 'Confirm your registration')}</h1>
  ${
    awaitingConsent
      ? html`<p>${bi('{town}の窓口で、登録を受け付けました。', "{townEn}'s counter started this registration for you.", { town: awaitingConsent.name.ja, townEn: awaitingConsent.name.en })}</p>
  <p><a href="${awaitingConsent.privacyNotice.url}" target="_blank" rel="noopener">${biInline('プライバシーポリシー', 'Privacy notice')}</a></p>
  <p>${bi('プライバシーポリシーをお読みください。下のボタンを押すと、ポリシーに同意して登録が確定し、お便りが届くようになります。', 'Please read the privacy notice. Pressing the button means you agree to it; your registration is confirmed and messages will start.')}</p>
  <form method="post" action="/c/${token}"><button type="submit">${biInline('同意して登録を確定する', 'Agree and confirm')}</button></form>`
      : html`<p>${bi('下のボタンを押すと、登録が確定し、お便りが届くようになります。', 'Press the button to confirm; messages will start.')}</p>
  <form method="post" action="/c/${token}"><button type="submit">${biInline('登録を確定する', 'Confirm')}</button></form>`
  }
</main>`,
  )
}
