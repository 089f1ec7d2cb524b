import { html } from 'hono/html'
import type { TenantSettings } from '../../shared/contract'
import { bi, biInline } from './bilingual'
import { emergencyNumbers } from './emergency'
import { layout } from './layout'

/** Where a message's consultation link leads: the desk, how to reach it, and the numbers for now. */
export function consultPage(tenant: TenantSettings, manageToken: string) {
  const { desk } = tenant
  return layout(
    { ja: '相談する', en: 'Talk to us' },
    html`<main>
  <h1>${bi('相談する', 'Talk to us')}</h1>
  <p>${bi(`${desk.name}が、妊娠や子育てのことをなんでも伺います。`, 'The desk listens to anything about pregnancy or raising your child.')}</p>
  <ul>
    <li>${biInline('電話', 'Phone')}: <a href="tel:${desk.phone}">${desk.phone}</a>（${desk.hours}）</li>
    <li>${biInline('メール', 'Email')}: <a href="mailto:${desk.email}">${desk.email}</a></li>
  </ul>
  ${emergencyNumbers(tenant)}
  <p><a href="/r/${manageToken}">${biInline('登録内容のページへ', 'Your registration page')}</a></p>
</main>`,
  )
}
