import { html } from 'hono/html'
import type { TenantSettings } from '../../shared/contract'
import { nicknameMaxLength } from '../resident/fields'
import { bi, biInline, fieldError, invalidAttrs } from '../web/bilingual'
import { layout } from '../web/layout'
import { enrolmentEnding, radio } from './enrolment-fields'
import { type RegistrationInput, registrableChannels } from './form'

type Errors = Partial<Record<keyof RegistrationInput, string>>

const audienceLabels = {
  primary: {
    ja: '妊娠している本人、またはお子さんを主に育てている人',
    en: 'The pregnant person, or the main caregiver',
  },
  partner: { ja: 'パートナー', en: 'Partner' },
  family: { ja: '家族（祖父母など）', en: 'Family (grandparents and others)' },
} as const

/**
 * The registration form; after a refused submit it shows each problem beside its field, with what
 * was typed kept. `notice` goes above the form (e.g. a confirmation that could not be sent).
 */
export function registerPage(
  tenant: TenantSettings,
  input: RegistrationInput,
  errors: Errors = {},
  notice: ReturnType<typeof html> | '' = '',
) {
  const channels = registrableChannels(tenant)
  const problems = Object.values(errors)
  return layout(
    { ja: '「寄り添い」の登録', en: 'Register for yorisoi' },
    html`<main>
  <h1>${bi('{town}「寄り添い」', 'yorisoi from {townEn}', { town: tenant.name.ja, townEn: tenant.name.en })}</h1>
  <p>${bi('妊娠中から3歳まで、その日に合ったお便りと、まちの子育て情報をお届けします。', 'A message for each day from pregnancy to age three, with local support information.')}</p>
  ${notice}
  ${
    problems.length > 0
      ? html`<div class="summary" role="alert"><p>${biInline('入力を確認してください', 'Please check the form')}</p><ul>${problems.map((m) => html`<li>${m}</li>`)}</ul></div>`
      : ''
  }
  ${
    channels.length === 0
      ? html`<p role="status">${bi('このまちのウェブ登録はまだ準備中です。窓口にお問い合わせください。', 'Registration on the web is not open here yet; please ask the desk.')}</p><p>${tenant.desk.name} ${tenant.desk.phone}</p>`
      : html`<form method="post" action="/t/${tenant.slug}" novalidate>
    <label for="nickname">${biInline('ニックネーム', 'Nickname')}</label>
    <input type="text" id="nickname" name="nickname" dir="auto" value="${input.nickname}" maxlength="${nicknameMaxLength}" autocomplete="nickname"${invalidAttrs('nickname', errors.nickname)} />
    ${fieldError('nickname', errors.nickname)}

    <fieldset>
      <legend>${biInline('あなたは', 'You are')}</legend>
      ${(['primary', 'partner', 'family'] as const).map((a) => radio('audience', a, input.audience === a, bi(audienceLabels[a].ja, audienceLabels[a].en), errors.audience))}
      ${fieldError('audience', errors.audience)}
    </fieldset>

    <fieldset>
      <legend>${biInline('いまは', 'Now')}</legend>
      ${radio('stage', 'due', input.stage === 'due', bi('妊娠中（出産予定日を入力）', 'Pregnant (enter the due date)'), errors.stage)}
      ${radio('stage', 'birth', input.stage === 'birth', bi('お子さんが生まれている（誕生日を入力）', 'The child is born (enter the birth date)'), errors.stage)}
      ${fieldError('stage', errors.stage)}
    </fieldset>

    <label for="date">${biInline('出産予定日 または お誕生日', 'Due date or birth date')}</label>
    <input type="date" id="date" name="date" value="${input.date}"${invalidAttrs('date', errors.date)} />
    ${fieldError('date', errors.date)}

    ${enrolmentEnding(tenant, channels, input, errors)}
  </form>`
  }
</main>`,
  )
}
