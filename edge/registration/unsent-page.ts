import { html } from 'hono/html'
import type { TenantSettings } from '../../shared/contract'
import { bi, biInline } from '../web/bilingual'
import { layout } from '../web/layout'

/**
 * The registration is kept but its confirmation email did not go out: say so, and offer to send
 * that same email again (the address travels in the form, never in a URL).
 */
export function confirmationUnsent(tenant: TenantSettings, address: string) {
  return html`<div class="summary" role="alert">
    <p>${bi(
      'ご登録は受け付けましたが、確認のメールを送れませんでした（メールの送信サービスが応答しませんでした）。少し待ってから、下のボタンでもう一度送ってください。',
      'Your registration is saved, but we could not send the confirmation email (the email service did not answer). Please wait a moment, then send it again with the button below.',
    )}</p>
    <form method="post" action="/t/${tenant.slug}/resend">
      <input type="hidden" name="address" value="${address}" />
      <button type="submit">${biInline('確認のメールをもう一度送る', 'Send the confirmation email again')}</button>
    </form>
    <p>${bi('届かないときは、窓口にご連絡ください。', 'If it still does not arrive, please contact the desk.')} ${tenant.desk.name} ${tenant.desk.phone}</p>
  </div>`
}

export function confirmationUnsentPage(tenant: TenantSettings, address: string) {
  const title = { ja: '確認のメールを送れませんでした', en: 'We could not send the confirmation email' }
  return layout(
    title,
    html`<main>
  <h1>${bi(title.ja, title.en)}</h1>
  ${confirmationUnsent(tenant, address)}
</main>`,
  )
}
