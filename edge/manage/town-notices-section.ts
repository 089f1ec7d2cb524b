import { html } from 'hono/html'
import type { TenantSettings } from '../../shared/contract'
import { wording } from '../../shared/languages/wording'
import { bi, biInline, fieldError } from '../web/bilingual'
import type { FormProblem } from './form-problem'

/** The manage page's confirmations after the choice changed. */
export const townNoticesDone = {
  townNoticesOn: wording(
    '町からのお知らせを受け取るようにしました。',
    'You will receive notices from your town again.',
  ),
  townNoticesOff: wording(
    '町からのお知らせを止めました。災害などの緊急のお知らせは、これからもお届けします。',
    'Notices from your town are off. Urgent notices, such as on disasters, still reach you.',
  ),
} as const

/** The town's non-urgent notices: the current choice and the one button that changes it. */
export function townNoticesSection(
  tenant: TenantSettings,
  token: string,
  on: boolean,
  problem?: FormProblem,
) {
  const message = problem?.form === 'notices' ? problem.message : undefined
  return html`<section aria-labelledby="town-notices-title">
  <h2 id="town-notices-title">${biInline('町からのお知らせ', 'Notices from your town')}</h2>
  <p>${bi(
    '健診や予防接種の日程、新しい支援など、{town}からのお知らせです。',
    'Checkup days, vaccinations, new support and other news from {townEn}.',
    { town: tenant.name.ja, townEn: tenant.name.en },
  )}</p>
  <p>${biInline('いまの設定', 'Now')}: <strong>${
    on ? biInline('受け取る', 'receiving them') : biInline('受け取らない', 'not receiving them')
  }</strong></p>
  <form method="post" action="/r/${token}/town-notices">
    <input type="hidden" name="notices" value="${on ? 'off' : 'on'}" />
    ${fieldError('town-notices', message)}
    <button type="submit"${on ? html` class="quiet"` : ''}>${
      on
        ? biInline('お知らせを受け取らない', 'Turn them off')
        : biInline('お知らせを受け取る', 'Turn them on')
    }</button>
  </form>
  <p>${bi(
    '災害などの緊急のお知らせは、この設定にかかわらずお届けします。',
    'Urgent notices, such as on disasters, always reach you, whatever you choose here.',
  )}</p>
</section>`
}
