import { html } from 'hono/html'
import {
  CONSULTATION_MAX_CHARS,
  type ConsultationErrors,
  type ConsultationField,
  type ConsultationInput,
  consultationCategories,
  HOURS_MAX_CHARS,
} from '../../shared/consultation'
import type { TenantSettings } from '../../shared/contract'
import type { Wording } from '../../shared/languages/wording'
import { bi, biInline, errorLine, fieldError, invalidAttrs } from '../web/bilingual'
import { emergencyNumbers } from '../web/emergency-section'
import { layout } from '../web/layout'

export type ConsultErrors = ConsultationErrors

/** How the registered address can be answered, by channel; LINE cannot be answered by the desk. */
const registeredLabel = {
  email: { ja: '登録のメールアドレスに返事がほしい', en: 'Reply to my registered email address' },
  sms: { ja: '登録の電話番号に連絡がほしい', en: 'Contact me at my registered phone number' },
} as const

export interface ConsultFormState {
  input: ConsultationInput
  errors?: ConsultErrors
  /** A page-wide notice above the form (the daily limit). */
  notice?: Wording
}

export const emptyConsultation: ConsultationInput = {
  category: '',
  text: '',
  contact: '',
  phone: '',
  hours: '',
}

function radio(
  name: ConsultationField,
  value: string,
  checked: boolean,
  label: { ja: string; en: string },
  errors: ConsultErrors,
) {
  const id = `${name}-${value}`
  return html`<label for="${id}"><input type="radio" id="${id}" name="${name}" value="${value}"${checked ? ' checked' : ''}${invalidAttrs(name, errors[name])} /> ${biInline(label.ja, label.en)}</label>`
}

function desk(tenant: TenantSettings) {
  const { desk } = tenant
  return html`<ul>
    <li lang="ja">${desk.name}</li>
    <li>${biInline('電話', 'Phone')}: <a href="tel:${desk.phone}">${desk.phone}</a>（<span lang="ja">${desk.hours}</span>）</li>
  </ul>`
}

/**
 * The consultation form: what it is about, the words, how the desk may answer. After a refused
 * submit every problem shows beside its field and everything typed is still there.
 */
export function consultPage(
  tenant: TenantSettings,
  manageToken: string,
  channel: 'email' | 'sms' | 'line',
  state: ConsultFormState = { input: emptyConsultation },
) {
  const { input, notice } = state
  const errors = state.errors ?? {}
  const problems = Object.values(errors)
  const registered = channel === 'line' ? null : registeredLabel[channel]
  return layout(
    { ja: '相談する', en: 'Talk to us' },
    html`<main>
  <h1>${bi('相談する', 'Talk to us')}</h1>
  <p>${bi('{desk}が、妊娠や子育てのことをなんでも伺います。', 'The desk listens to anything about pregnancy or raising your child.', { desk: tenant.desk.name })}</p>
  <p>${bi('急いでいるとき・具合が悪いときは、送らずにすぐ電話してください（このページの下に番号があります）。', 'If it is urgent or someone is unwell, please do not wait for a reply: call now (numbers below).')}</p>
  ${notice ? html`<div class="summary" role="alert"><p>${bi(notice.ja, notice.en, notice.values)}</p>${desk(tenant)}</div>` : ''}
  ${
    problems.length > 0
      ? html`<div class="summary" role="alert"><p>${biInline('入力を確認してください', 'Please check the form')}</p><ul>${problems.map((m) => html`<li>${errorLine(m)}</li>`)}</ul></div>`
      : ''
  }
  <form method="post" action="/r/${manageToken}/consult" novalidate>
    <fieldset>
      <legend>${biInline('相談の種類', 'What it is about')}</legend>
      ${consultationCategories.map((c) => radio('category', c.id, input.category === c.id, c, errors))}
      ${fieldError('category', errors.category)}
    </fieldset>

    <label for="text">${biInline('ご相談の内容', 'Your question')}</label>
    <p class="en" id="text-hint">${biInline('{max}文字まで', 'Up to {max} characters', { max: CONSULTATION_MAX_CHARS.toLocaleString('en') })}</p>
    <textarea id="text" name="text" rows="8" maxlength="${CONSULTATION_MAX_CHARS}" aria-describedby="text-hint${errors.text ? ' text-error' : ''}"${errors.text ? ' aria-invalid="true"' : ''}>${input.text}</textarea>
    ${fieldError('text', errors.text)}

    <fieldset>
      <legend>${biInline('お返事の方法', 'How the desk may answer')}</legend>
      ${registered ? radio('contact', 'registered', input.contact === 'registered', registered, errors) : ''}
      ${radio('contact', 'phone', input.contact === 'phone', { ja: '電話がほしい（番号を下に書く）', en: 'Call me (write the number below)' }, errors)}
      ${radio('contact', 'none', input.contact === 'none', { ja: 'お返事はいらない', en: 'No answer needed' }, errors)}
      ${fieldError('contact', errors.contact)}
    </fieldset>

    <label for="phone">${biInline('電話番号（電話を希望するとき）', 'Phone number (if you would like a call)')}</label>
    <input type="tel" id="phone" name="phone" value="${input.phone}" autocomplete="tel" inputmode="tel"${invalidAttrs('phone', errors.phone)} />
    ${fieldError('phone', errors.phone)}

    <label for="hours">${biInline('つながりやすい時間（例: 平日の午前）', 'Best time to call (e.g. weekday mornings)')}</label>
    <input type="text" id="hours" name="hours" value="${input.hours}" maxlength="${HOURS_MAX_CHARS}"${invalidAttrs('hours', errors.hours)} />
    ${fieldError('hours', errors.hours)}

    <button type="submit">${biInline('相談を送る', 'Send')}</button>
  </form>
  <section aria-labelledby="desk-title">
    <h2 id="desk-title">${biInline('電話で相談する', 'Talk by phone')}</h2>
    ${desk(tenant)}
  </section>
  ${emergencyNumbers(tenant)}
  <p><a href="/r/${manageToken}">${biInline('登録内容のページへ', 'Your registration page')}</a></p>
</main>`,
  )
}
