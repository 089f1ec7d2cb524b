import { html } from 'hono/html'
import type { TenantSettings } from '../../shared/contract'
import { bi, biInline, fieldError, invalidAttrs } from '../web/bilingual'
import { layout } from '../web/layout'

/** The manage page's offer to a stopped resident: start again, after agreeing to the notice anew. */
export function restartSection(tenant: TenantSettings, token: string, message?: string) {
  return html`<section aria-labelledby="restart-title">
  <h2 id="restart-title">${biInline('もう一度お便りを受け取る', 'Start the messages again')}</h2>
  <p>${bi(
    'お便りは止まっています。もう一度受け取るには、プライバシーポリシーをお読みのうえ、同意してください。次の配信日からお届けします。',
    'Your messages are stopped. To receive them again, read the privacy notice and agree; they start on the next send day.',
  )}</p>
  <form method="post" action="/r/${token}/restart">
    <p><a href="${tenant.privacyNotice.url}">${biInline('プライバシーポリシー', 'Privacy notice')}</a>（${tenant.privacyNotice.version}）</p>
    <input type="hidden" name="noticeVersion" value="${tenant.privacyNotice.version}" />
    <label for="restart-consent"><input type="checkbox" id="restart-consent" name="consent" value="yes"${invalidAttrs('restart-consent', message)} /> ${bi('プライバシーポリシーを読み、同意します', 'I have read and agree to the privacy notice')}</label>
    ${fieldError('restart-consent', message)}
    <button type="submit">${biInline('お便りを再開する', 'Start again')}</button>
  </form>
</section>`
}

/** The form again, with what kept it from being sent. */
export function restartProblemPage(tenant: TenantSettings, token: string, message: string, offer: boolean) {
  return layout(
    { ja: 'もう一度お便りを受け取る', en: 'Start the messages again' },
    html`<main>
  <h1>${bi('もう一度お便りを受け取る', 'Start the messages again')}</h1>
  <p class="error" role="alert">${message}</p>
  ${offer ? restartSection(tenant, token, message) : ''}
  <p><a href="/r/${token}">${biInline('もどる', 'Back')}</a></p>
</main>`,
  )
}
