import { html } from 'hono/html'
import type { Channel, TenantSettings } from '../../shared/contract'
import { languageRegistry } from '../../shared/languages'
import { bi, biInline, fieldError, invalidAttrs } from '../web/bilingual'

// What every enrolment form (registration, an invitation) asks last: language, channel, address,
// consent to the privacy notice, and the button.

/** Each language in its own name, as a resident picks it (shared/languages). */
export const languageNames: Record<string, string> = Object.fromEntries(
  languageRegistry.map((entry) => [entry.tag, entry.names.own]),
)

export function radio(
  name: string,
  value: string,
  checked: boolean,
  label: ReturnType<typeof bi>,
  error?: string,
) {
  const id = `${name}-${value}`
  return html`<label for="${id}"><input type="radio" id="${id}" name="${name}" value="${value}"${checked ? ' checked' : ''}${invalidAttrs(name, error)} /> ${label}</label>`
}

export const channelLabels = {
  email: { ja: 'メール', en: 'Email' },
  sms: {
    ja: 'SMS（携帯電話のショートメッセージ。6けたのコードで確認）',
    en: 'SMS (text message, confirmed by a 6-digit code)',
  },
  line: { ja: 'LINE（公式アカウントを友だち追加）', en: 'LINE (add the official account as a friend)' },
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

type EndingInput = { language: string; channel: string; address: string; consent: string }
type EndingErrors = Partial<Record<keyof EndingInput | 'noticeVersion', string>>

/** The form's last fields and its button, with what was typed kept and each problem beside its field. */
export function enrolmentEnding(
  tenant: TenantSettings,
  channels: Channel[],
  input: EndingInput,
  errors: EndingErrors,
) {
  return html`<label for="language">${biInline('お便りの言語', 'Language of the messages')}</label>
    <select id="language" name="language"${invalidAttrs('language', errors.language)}>
      ${tenant.languages.offered.map((l) => html`<option value="${l}" lang="${l}"${input.language === l ? ' selected' : ''}>${languageNames[l] ?? l}</option>`)}
    </select>
    ${fieldError('language', errors.language)}

    <fieldset>
      <legend>${biInline('受け取り方', 'Receive by')}</legend>
      ${channels.map((c) => radio('channel', c, input.channel === c || channels.length === 1, bi(channelLabels[c].ja, channelLabels[c].en), errors.channel))}
      ${fieldError('channel', errors.channel)}
    </fieldset>

    ${addressField(channels, input.address, errors.address)}
    ${fieldError('address', errors.address)}

    <p><a href="${tenant.privacyNotice.url}">${biInline('プライバシーポリシー', 'Privacy notice')}</a>（${tenant.privacyNotice.version}）</p>
    <input type="hidden" name="noticeVersion" value="${tenant.privacyNotice.version}" />
    <label for="consent"><input type="checkbox" id="consent" name="consent" value="yes"${input.consent === 'yes' ? ' checked' : ''}${invalidAttrs('consent', errors.consent ?? errors.noticeVersion)} /> ${bi('プライバシーポリシーを読み、同意します', 'I have read and agree to the privacy notice')}</label>
    ${fieldError('consent', errors.consent ?? errors.noticeVersion)}

    <button type="submit">${biInline('登録する', 'Register')}</button>`
}
