import { html } from 'hono/html'
import type { Channel, TenantSettings } from '../../shared/contract'
import { bi, biInline, fieldError, invalidAttrs } from '../web/bilingual'
import { layout } from '../web/layout'
import { type RegistrationInput, registrableChannels } from './form'

type Errors = Partial<Record<keyof RegistrationInput, string>>

export const languageNames: Record<string, string> = {
  ja: '日本語',
  en: 'English',
  zh: '中文',
  'zh-Hans': '简体中文',
  'zh-Hant': '繁體中文',
  ko: '한국어',
  vi: 'Tiếng Việt',
  pt: 'Português',
  'pt-BR': 'Português (Brasil)',
  ne: 'नेपाली',
  tl: 'Tagalog',
  id: 'Bahasa Indonesia',
}

const audienceLabels = {
  primary: [
    '妊娠している本人、またはお子さんを主に育てている人',
    'The pregnant person, or the main caregiver',
  ],
  partner: ['パートナー', 'Partner'],
  family: ['家族（祖父母など）', 'Family (grandparents and others)'],
} as const

function radio(name: string, value: string, checked: boolean, label: ReturnType<typeof bi>, errors: Errors) {
  const id = `${name}-${value}`
  return html`<label for="${id}"><input type="radio" id="${id}" name="${name}" value="${value}"${checked ? ' checked' : ''}${invalidAttrs(name, errors[name as keyof Errors])} /> ${label}</label>`
}

export const channelLabels = {
  email: ['メール', 'Email'],
  sms: [
    'SMS（携帯電話のショートメッセージ。6けたのコードで確認）',
    'SMS (text message, confirmed by a 6-digit code)',
  ],
  line: ['LINE（公式アカウントを友だち追加）', 'LINE (add the official account as a friend)'],
} as const

/** One address field for the channels offered; LINE needs none (the account is linked later). */
export function addressField(channels: Channel[], value: string, error: string | undefined) {
  const email = channels.includes('email')
  const sms = channels.includes('sms')
  if (!email && !sms) return ''
  const label =
    email && sms
      ? biInline('メールアドレス または 携帯電話番号', 'Email address or mobile number')
      : email
        ? biInline('メールアドレス', 'Email address')
        : biInline('携帯電話番号', 'Mobile number')
  const hint = channels.includes('line')
    ? html`<p id="address-hint">${biInline('LINEを選んだときは入力不要です', 'Not needed for LINE')}</p>`
    : ''
  const described = [error ? 'address-error' : '', hint ? 'address-hint' : ''].filter(Boolean).join(' ')
  return html`<label for="address">${label}</label>
    ${hint}
    <input type="${email && !sms ? 'email' : sms && !email ? 'tel' : 'text'}" id="address" name="address" value="${value}" autocomplete="${email && !sms ? 'email' : sms && !email ? 'tel' : 'off'}"${error ? html` aria-invalid="true"` : ''}${described ? html` aria-describedby="${described}"` : ''} />`
}

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
    { ja: `${tenant.name.ja} 寄り添いの登録`, en: `Register with ${tenant.name.en}` },
    html`<main>
  <h1>${bi(`${tenant.name.ja}「寄り添い」`, `yorisoi from ${tenant.name.en}`)}</h1>
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
    <input type="text" id="nickname" name="nickname" value="${input.nickname}" maxlength="40" autocomplete="nickname"${invalidAttrs('nickname', errors.nickname)} />
    ${fieldError('nickname', errors.nickname)}

    <fieldset>
      <legend>${biInline('あなたは', 'You are')}</legend>
      ${(['primary', 'partner', 'family'] as const).map((a) => radio('audience', a, input.audience === a, bi(audienceLabels[a][0], audienceLabels[a][1]), errors))}
      ${fieldError('audience', errors.audience)}
    </fieldset>

    <fieldset>
      <legend>${biInline('いまは', 'Now')}</legend>
      ${radio('stage', 'due', input.stage === 'due', bi('妊娠中（出産予定日を入力）', 'Pregnant (enter the due date)'), errors)}
      ${radio('stage', 'birth', input.stage === 'birth', bi('お子さんが生まれている（誕生日を入力）', 'The child is born (enter the birth date)'), errors)}
      ${fieldError('stage', errors.stage)}
    </fieldset>

    <label for="date">${biInline('出産予定日 または お誕生日', 'Due date or birth date')}</label>
    <input type="date" id="date" name="date" value="${input.date}"${invalidAttrs('date', errors.date)} />
    ${fieldError('date', errors.date)}

    <label for="language">${biInline('お便りの言語', 'Language of the messages')}</label>
    <select id="language" name="language"${invalidAttrs('language', errors.language)}>
      ${tenant.languages.offered.map((l) => html`<option value="${l}"${input.language === l ? ' selected' : ''}>${languageNames[l] ?? l}</option>`)}
    </select>
    ${fieldError('language', errors.language)}

    <fieldset>
      <legend>${biInline('受け取り方', 'Receive by')}</legend>
      ${channels.map((c) => radio('channel', c, input.channel === c || channels.length === 1, bi(channelLabels[c][0], channelLabels[c][1]), errors))}
      ${fieldError('channel', errors.channel)}
    </fieldset>

    ${addressField(channels, input.address, errors.address)}
    ${fieldError('address', errors.address)}

    <p><a href="${tenant.privacyNotice.url}">${biInline('プライバシーポリシー', 'Privacy notice')}</a>（${tenant.privacyNotice.version}）</p>
    <input type="hidden" name="noticeVersion" value="${tenant.privacyNotice.version}" />
    <label for="consent"><input type="checkbox" id="consent" name="consent" value="yes"${input.consent === 'yes' ? ' checked' : ''}${invalidAttrs('consent', errors.consent ?? errors.noticeVersion)} /> ${bi('プライバシーポリシーを読み、同意します', 'I have read and agree to the privacy notice')}</label>
    ${fieldError('consent', errors.consent ?? errors.noticeVersion)}

    <button type="submit">${biInline('登録する', 'Register')}</button>
  </form>`
  }
</main>`,
  )
}
