import { html } from 'hono/html'
import type { TenantSettings } from '../../shared/contract'
import { bi, biInline, fieldError, invalidAttrs } from '../web/bilingual'
import { emergencyNumbers } from '../web/emergency-section'
import { layout } from '../web/layout'

const title = { ja: 'つらいお知らせ', en: 'Telling us about a loss' }

/** Careful words, few questions: the date is optional, and both choices are easy to take. */
export function lossPage(
  tenant: TenantSettings,
  token: string,
  timelineId: string,
  input: { date: string } = { date: '' },
  error?: string,
) {
  return layout(
    title,
    html`<main>
  <h1>${bi(title.ja, title.en)}</h1>
  <p>${bi('お知らせくださり、ありがとうございます。ここでは、これからのお便りを変えることができます。', 'Thank you for letting us know. Here you can change the messages you receive.')}</p>
  ${error ? html`<p class="error" role="alert">${biInline('入力を確認してください', 'Please check the form')}</p>` : ''}
  <form method="post" action="/r/${token}/loss">
    <input type="hidden" name="timeline" value="${timelineId}" />
    <label for="loss-date">${biInline('日付（わかれば。空のままでもかまいません）', 'Date (if you wish; you may leave it empty)')}</label>
    <input type="date" id="loss-date" name="date" value="${input.date}"${invalidAttrs('loss-date', error)} />
    ${fieldError('loss-date', error)}
    <button type="submit" name="messages" value="support">${biInline('お知らせして、寄り添いのお便りを受け取る', 'Tell us, and receive messages of support')}</button>
    <button type="submit" name="messages" value="stop" class="quiet">${biInline('お知らせして、お便りをすべて止める', 'Tell us, and stop all messages')}</button>
  </form>
  <p>${bi('話を聞いてほしいときは、いつでもご連絡ください。', 'If you would like to talk, please contact us at any time.')}</p>
  ${emergencyNumbers(tenant)}
</main>`,
  )
}

export function lossReceivedPage(tenant: TenantSettings, keptSupport: boolean) {
  return layout(
    title,
    html`<main>
  <h1>${bi('お知らせを受け取りました', 'We have received your message')}</h1>
  <p>${
    keptSupport
      ? bi(
          'これまでのお便りは、今日から止めました。これからは、心と体をいたわるお便りを、ときどきお届けします。',
          'The earlier messages stopped today. From now on we will send, now and then, messages to care for you.',
        )
      : bi('お便りは、今日からすべて止めました。', 'All messages stopped today.')
  }</p>
  <p>${bi('どうか、ご自身を責めないでください。つらいときは、ひとりで抱えずにご相談ください。', 'Please do not blame yourself. When it is hard, you do not have to carry it alone.')}</p>
  <h2>${biInline('相談できるところ', 'Where you can talk')}</h2>
  <p lang="ja">${tenant.desk.name}<br /><a href="tel:${tenant.desk.phone}">${tenant.desk.phone}</a>（${tenant.desk.hours}）<br /><a href="mailto:${tenant.desk.email}">${tenant.desk.email}</a></p>
  ${emergencyNumbers(tenant)}
</main>`,
  )
}
