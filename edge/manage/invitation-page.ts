import { html } from 'hono/html'
import type { TenantSettings } from '../../shared/contract'
import { wording } from '../../shared/languages/wording'
import { enrolmentEnding, radio } from '../registration/enrolment-fields'
import { nicknameMaxLength } from '../resident/fields'
import { bi, biInline, biText, fieldError, invalidAttrs } from '../web/bilingual'
import { layout } from '../web/layout'
import {
  type InvitationErrors,
  type InvitationInput,
  invitationChannels,
  invitedAudiences,
} from './invitation-form'

const audienceLabels = {
  partner: wording('パートナー', 'Partner'),
  family: wording('家族（祖父母など）', 'Family (grandparents and others)'),
} as const

/** The invitee's form: like registration, without dates (they follow the inviter's timeline). */
export function invitationPage(
  tenant: TenantSettings,
  token: string,
  inviterNickname: string,
  input: InvitationInput,
  errors: InvitationErrors = {},
) {
  const channels = invitationChannels(tenant)
  const problems = Object.values(errors)
  return layout(
    { ja: '寄り添いへのご招待', en: 'An invitation to yorisoi' },
    html`<main>
  <h1>${bi('寄り添いへのご招待', 'You are invited to yorisoi')}</h1>
  <p>${bi(
    '{inviter}さんから、{town}「寄り添い」のお便りへの招待です。同じ予定日・お子さんに合わせて、パートナーやご家族向けのお便りが届きます。',
    '{inviter} invites you to yorisoi from {townEn}: messages for partners and family, following the same pregnancy or child.',
    { inviter: inviterNickname, town: tenant.name.ja, townEn: tenant.name.en },
  )}</p>
  ${
    problems.length > 0
      ? html`<div class="summary" role="alert"><p>${biInline('入力を確認してください', 'Please check the form')}</p><ul>${problems.map((m) => html`<li>${m}</li>`)}</ul></div>`
      : ''
  }
  ${
    channels.length === 0
      ? html`<p role="status">${bi('このまちのウェブ登録はまだ準備中です。窓口にお問い合わせください。', 'Registration on the web is not open here yet; please ask the desk.')}</p>`
      : html`<form method="post" action="/i/${token}" novalidate>
    <label for="nickname">${biInline('ニックネーム', 'Nickname')}</label>
    <input type="text" id="nickname" name="nickname" dir="auto" value="${input.nickname}" maxlength="${nicknameMaxLength}" autocomplete="nickname"${invalidAttrs('nickname', errors.nickname)} />
    ${fieldError('nickname', errors.nickname)}

    <fieldset>
      <legend>${biInline('あなたは', 'You are')}</legend>
      ${invitedAudiences.map((a) => radio('audience', a, input.audience === a, bi(audienceLabels[a].ja, audienceLabels[a].en), errors.audience))}
      ${fieldError('audience', errors.audience)}
    </fieldset>

    ${enrolmentEnding(tenant, channels, input, errors)}
  </form>`
  }
  <p>${bi('あなたの連絡先は、招待した方には見えません。', 'The person who invited you never sees your address.')}</p>
</main>`,
  )
}

/** The new link, shown once: only its hash is kept. */
export function invitationLinkPage(manageToken: string, url: string) {
  const subject = biText('寄り添いへのご招待', 'An invitation to yorisoi')
  const mail = `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(url)}`
  return layout(
    { ja: '招待リンク', en: 'Invitation link' },
    html`<main>
  <h1>${bi('招待リンクができました', 'Your invitation link')}</h1>
  <p>${bi('このリンクを、パートナーやご家族に送ってください。14日間、1回だけ使えます。このページを閉じると、もう表示できません。', 'Send this link to your partner or family. It works once, for 14 days. Once you leave this page it cannot be shown again.')}</p>
  <label for="invite-url">${biInline('招待リンク', 'Invitation link')}</label>
  <input type="text" id="invite-url" value="${url}" readonly />
  <p><a href="${mail}">${biInline('メールで送る', 'Send by email')}</a></p>
  <p>${bi('招待された方は、ニックネームと連絡先を自分で登録します。お互いの連絡先は見えません。', 'The invitee registers their own nickname and address; neither of you sees the other’s address.')}</p>
  <p><a href="/r/${manageToken}">${biInline('登録内容のページにもどる', 'Back to your registration')}</a></p>
</main>`,
  )
}
