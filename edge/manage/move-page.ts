import { html } from 'hono/html'
import type { TenantSettings } from '../../shared/contract'
import { defaultRetentionDays } from '../resident/retention'
import { bi, biInline, biText, fieldError, invalidAttrs } from '../web/bilingual'
import { layout } from '../web/layout'

const title = { ja: '引っ越し', en: 'Moving' }
export const elsewhere = 'elsewhere'

/** Where to: the towns running yorisoi, or somewhere else. */
export function movePickPage(
  from: TenantSettings,
  token: string,
  towns: readonly TenantSettings[],
  chosen = '',
  error?: string,
) {
  return layout(
    title,
    html`<main>
  <h1>${bi('引っ越し先のまち', 'Where are you moving?')}</h1>
  <p>${bi(
    'いまは {town} からお届けしています。引っ越し先が「寄り添い」を使っているまちなら、そのまま引き継げます。',
    'Messages now come from {townEn}. If your new town uses yorisoi, you can carry on there.',
    { town: from.name.ja, townEn: from.name.en },
  )}</p>
  ${error ? html`<p class="error" role="alert">${biInline('入力を確認してください', 'Please check the form')}</p>` : ''}
  <form method="post" action="/r/${token}/move">
    <label for="to">${biInline('引っ越し先', 'New town')}</label>
    <select id="to" name="to"${invalidAttrs('to', error)}>
      <option value="">${'—'}</option>
      ${towns.map((t) => html`<option value="${t.slug}" lang="ja"${chosen === t.slug ? ' selected' : ''}>${t.name.ja} / ${t.name.en}</option>`)}
      <option value="${elsewhere}"${chosen === elsewhere ? ' selected' : ''}>${biText('上にないまち', 'Another town')}</option>
    </select>
    ${fieldError('to', error)}
    <button type="submit">${biInline('次へ', 'Next')}</button>
  </form>
  <p><a href="/r/${token}">${biInline('もどる', 'Back')}</a></p>
</main>`,
  )
}

/** The new town's privacy notice, to agree to before anything moves. */
export function moveConsentPage(
  to: TenantSettings,
  token: string,
  input: { consent: string } = { consent: '' },
  error?: string,
) {
  const town = { town: to.name.ja, townEn: to.name.en }
  return layout(
    title,
    html`<main>
  <h1>${bi('{town}へ引き継ぐ', 'Carry on with {townEn}', town)}</h1>
  <p>${bi(
    'これからは {town} からお届けします。配信の時刻や、まちの子育て情報は {town} のものになります。パートナーやご家族の登録は、いまのまちのままです。',
    'From now on {townEn} sends your messages, at its own time and with its local information. Your partner’s and family’s registrations stay as they are.',
    town,
  )}</p>
  ${error ? html`<p class="error" role="alert">${biInline('入力を確認してください', 'Please check the form')}</p>` : ''}
  <form method="post" action="/r/${token}/move/${to.slug}">
    <p><a href="${to.privacyNotice.url}">${biInline('{town}のプライバシーポリシー', 'Privacy notice of {townEn}', town)}</a>（${to.privacyNotice.version}）</p>
    <input type="hidden" name="noticeVersion" value="${to.privacyNotice.version}" />
    <label for="consent"><input type="checkbox" id="consent" name="consent" value="yes"${input.consent === 'yes' ? ' checked' : ''}${invalidAttrs('consent', error)} /> ${bi('プライバシーポリシーを読み、同意します', 'I have read and agree to the privacy notice')}</label>
    ${fieldError('consent', error)}
    <button type="submit">${biInline('引き継ぐ', 'Carry on there')}</button>
  </form>
  <p><a href="/r/${token}/move">${biInline('もどる', 'Back')}</a></p>
</main>`,
  )
}

/** A town without yorisoi: the messages have stopped; where help is, wherever they live. */
export function goodbyePage(from: TenantSettings, token: string) {
  return layout(
    { ja: 'これまでありがとうございました', en: 'Thank you for being with us' },
    html`<main>
  <h1>${bi('これまでありがとうございました', 'Thank you for being with us')}</h1>
  <p>${bi('引っ越し先のまちには「寄り添い」がないため、お便りはここで終わります。新しいまちでの暮らしが、おだやかでありますように。', 'Your new town does not use yorisoi, so the messages end here. We wish you a calm start in your new home.')}</p>
  <p>${bi('転入したら、母子健康手帳を持って、新しいまちの子育ての窓口（こども家庭センターなど）に届け出てください。妊婦健診や予防接種の受診券も、新しいまちのものに切り替わります。', 'After you move, take your Maternal and Child Health Handbook to the new town’s child-rearing desk (such as its こども家庭センター): checkup and vaccination vouchers switch to the new town’s.')}</p>
  <h2>${biInline('どこに住んでいても使える相談先', 'Help wherever you live')}</h2>
  <ul>
    <li><a href="tel:119">119</a> — ${biInline('救急車・命にかかわるとき', 'ambulance, when a life is at risk')}</li>
    <li><a href="tel:%238000">#8000</a> — ${biInline('夜間・休日のこどもの急な病気（こども医療電話相談）', 'a child suddenly ill at night or on a holiday')}</li>
    <li><a href="tel:%237119">#7119</a> — ${biInline('救急車を呼ぶか迷うとき（実施している地域で）', 'unsure whether to call an ambulance (where available)')}</li>
  </ul>
  <p>${bi('これまでの窓口: {desk}', 'Your desk until now: {desk}', { desk: from.desk.name })}<br /><a href="tel:${from.desk.phone}">${from.desk.phone}</a>（<span lang="ja">${from.desk.hours}</span>）</p>
  <p>${bi(
    'ご登録のデータは、{days}日後に削除します。すぐに削除したいときは、登録内容のページから削除できます。',
    'Your data is deleted after {days} days; you can delete it at once from your registration page.',
    { days: from.retentionDays ?? defaultRetentionDays },
  )}</p>
  <p><a href="/r/${token}/delete">${biInline('いますぐデータを削除する', 'Delete my data now')}</a></p>
</main>`,
  )
}
