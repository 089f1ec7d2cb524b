import { html } from 'hono/html'
import type { TenantSettings } from '../../shared/contract'
import { biInline } from './bilingual'
import { hasEmergencyConsultationLine, hours7119 } from './emergency-lines'

/**
 * The numbers to call now, shown on every acknowledgement and on the loss pages: what each is for
 * in the reader's language (catalogue wording), the numbers as dialled, the desk as the town writes it.
 */
export function emergencyNumbers(tenant: TenantSettings) {
  const hours = hours7119[tenant.prefecture]
  return html`<section class="emergency" aria-labelledby="emergency-title">
  <h2 id="emergency-title">${biInline('急いで相談したいとき', 'If you need help now')}</h2>
  <ul>
    <li><a href="tel:119">119</a> — ${biInline('救急車・命にかかわるとき', 'ambulance, when a life is at risk')}</li>
    ${
      hasEmergencyConsultationLine(tenant.prefecture)
        ? html`<li><a href="tel:%237119">#7119</a> — ${biInline('救急車を呼ぶか迷うとき（救急安心センター）', 'unsure whether to call an ambulance')}${hours ? html`<br />${biInline(hours.ja, hours.en)}` : ''}</li>`
        : ''
    }
    <li><a href="tel:%238000">#8000</a> — ${biInline('夜間・休日のこどもの急な病気（こども医療電話相談）', 'a child suddenly ill at night or on a holiday')}</li>
    <li lang="ja">${tenant.desk.name}: <a href="tel:${tenant.desk.phone}">${tenant.desk.phone}</a>（${tenant.desk.hours}）</li>
  </ul>
</section>`
}
