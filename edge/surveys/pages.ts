import { html } from 'hono/html'
import type { Survey, SurveyQuestion, TenantSettings } from '../../shared/contract'
import {
  contactFields,
  contactNoteLimit,
  type FormFields,
  fieldOf,
  offersInterview,
  type SubmissionErrors,
} from '../../shared/surveys'
import { bi, biInline, errorLine, fieldError, invalidAttrs } from '../web/bilingual'
import { layout } from '../web/layout'

export interface SurveyFormView {
  survey: Survey
  action: string
  /** The resident's registered address, masked, when the desk can reach them there (email, SMS). */
  registered: string | null
  values?: FormFields
  errors?: SubmissionErrors
}

const pageTitle = (survey: Survey) => ({ ja: survey.title, en: 'Survey' })
const has = (values: FormFields | undefined, name: string, value: string) =>
  values?.[name]?.includes(value) ?? false
const first = (values: FormFields | undefined, name: string) => values?.[name]?.[0] ?? ''

const requiredMark = (q: SurveyQuestion) =>
  q.required ? html` <span class="required">${biInline('必須', 'required')}</span>` : ''

function questionField(q: SurveyQuestion, index: number, view: SurveyFormView) {
  const name = fieldOf(q)
  const error = view.errors?.[name]
  const lang = view.survey.language
  const legend = html`<legend id="${name}-label">${index + 1}. <span lang="${lang}">${q.label}</span>${requiredMark(q)}</legend>`
  switch (q.kind) {
    case 'single':
    case 'multiple': {
      const type = q.kind === 'single' ? 'radio' : 'checkbox'
      return html`<fieldset${invalidAttrs(name, error)}>
      ${legend}
      ${q.kind === 'multiple' ? html`<p class="en">${biInline('いくつでも選べます', 'Choose any')}</p>` : ''}
      ${q.options.map(
        (o, i) =>
          html`<label><input type="${type}" name="${name}" id="${name}-${i}" value="${o.value}"${has(view.values, name, o.value) ? ' checked' : ''} /> <span lang="${lang}">${o.label}</span></label>`,
      )}
      ${fieldError(name, error)}
    </fieldset>`
    }
    case 'scale': {
      const steps = Array.from({ length: q.max - q.min + 1 }, (_, i) => String(q.min + i))
      return html`<fieldset${invalidAttrs(name, error)}>
      ${legend}
      <div class="scale">
        ${steps.map(
          (v) =>
            html`<label><input type="radio" name="${name}" value="${v}"${has(view.values, name, v) ? ' checked' : ''} /> ${v}</label>`,
        )}
      </div>
      ${fieldError(name, error)}
    </fieldset>`
    }
    case 'text':
      return html`<div>
      <label for="${name}">${index + 1}. <span lang="${lang}">${q.label}</span>${requiredMark(q)}</label>
      <textarea id="${name}" name="${name}" rows="4" maxlength="${q.maxLength}"${invalidAttrs(name, error)}>${first(view.values, name)}</textarea>
      ${fieldError(name, error)}
    </div>`
  }
}

function contactSection(view: SurveyFormView) {
  const { values, errors } = view
  const how = first(values, contactFields.how)
  const radio = (value: string, text: ReturnType<typeof biInline>) =>
    html`<label><input type="radio" name="${contactFields.how}" value="${value}"${how === value ? ' checked' : ''} /> ${text}</label>`
  return html`<section aria-labelledby="contact-title">
    <h2 id="contact-title">${biInline('面談のご連絡先', 'How to reach you about an interview')}</h2>
    <p>${bi('面談を希望された方だけお答えください。担当の窓口からご連絡します。', 'Only if you asked for an interview: the desk will contact you.')}</p>
    <fieldset${invalidAttrs(contactFields.how, errors?.[contactFields.how])}>
      <legend>${biInline('連絡の方法', 'Contact by')}</legend>
      ${view.registered ? radio('registered', biInline('登録の連絡先（{address}）', 'My registered address ({address})', { address: view.registered })) : ''}
      ${radio('phone', biInline('電話', 'Phone'))}
      ${radio('email', biInline('メール', 'Email'))}
      ${fieldError(contactFields.how, errors?.[contactFields.how])}
    </fieldset>
    <label for="${contactFields.phone}">${biInline('電話番号（電話を選んだ方）', 'Phone number (if by phone)')}</label>
    <input type="tel" id="${contactFields.phone}" name="${contactFields.phone}" autocomplete="tel" inputmode="tel" value="${first(values, contactFields.phone)}"${invalidAttrs(contactFields.phone, errors?.[contactFields.phone])} />
    ${fieldError(contactFields.phone, errors?.[contactFields.phone])}
    <label for="${contactFields.email}">${biInline('メールアドレス（メールを選んだ方）', 'Email address (if by email)')}</label>
    <input type="email" id="${contactFields.email}" name="${contactFields.email}" autocomplete="email" value="${first(values, contactFields.email)}"${invalidAttrs(contactFields.email, errors?.[contactFields.email])} />
    ${fieldError(contactFields.email, errors?.[contactFields.email])}
    <label for="${contactFields.note}">${biInline('つながりやすい時間帯など（任意）', 'Best times to reach you (optional)')}</label>
    <textarea id="${contactFields.note}" name="${contactFields.note}" rows="2" maxlength="${contactNoteLimit}"${invalidAttrs(contactFields.note, errors?.[contactFields.note])}>${first(values, contactFields.note)}</textarea>
    ${fieldError(contactFields.note, errors?.[contactFields.note])}
  </section>`
}

/** The survey form; after a refused post, the same form with what was typed and each field's error. */
export function surveyFormPage(view: SurveyFormView) {
  const { survey, errors } = view
  const count = errors ? Object.keys(errors).length : 0
  return layout(
    pageTitle(survey),
    html`<main>
  <h1 lang="${survey.language}">${survey.title}</h1>
  <p>${bi('お答えは、担当の保健師・窓口がご家庭への支援に役立てます。集計には名前のない数だけを使います。', 'Your answers help the public health nurses support your family. Only anonymous counts are compiled.')}</p>
  ${
    count > 0
      ? html`<div class="summary" role="alert">
    <p class="error">${bi('入力を確認してください', 'Please check your answers')}</p>
    ${errors?.[''] ? html`<p class="error">${errorLine(errors[''])}</p>` : ''}
  </div>`
      : ''
  }
  <form method="post" action="${view.action}" novalidate>
    ${survey.questions.map((q, i) => questionField(q, i, view))}
    ${offersInterview(survey) ? contactSection(view) : ''}
    <button type="submit">${biInline('送信する', 'Send')}</button>
  </form>
</main>`,
  )
}

/** After the answers are stored; an interview request says who will call and how to reach them now. */
export function surveyThanksPage(input: {
  survey: Survey
  tenant: TenantSettings
  interview: 'none' | 'sent' | 'pending' | 'failed'
}) {
  const { desk } = input.tenant
  return layout(
    { ja: 'ご回答ありがとうございました', en: 'Thank you for your answers' },
    html`<main>
  <h1>${bi('ご回答ありがとうございました', 'Thank you for your answers')}</h1>
  ${
    input.interview === 'none'
      ? ''
      : html`<section aria-labelledby="interview-title">
    <h2 id="interview-title">${biInline('面談のご希望', 'Your interview request')}</h2>
    <p>${
      input.interview === 'failed'
        ? bi(
            'ご希望をまだ{desk}に届けられていません。お手数ですが、お電話でお知らせください。',
            'We could not pass your request on to {desk} yet. Please call them.',
            { desk: desk.name },
          )
        : input.interview === 'pending'
          ? bi(
              '面談のご希望を受け付けました。まもなく{desk}にお伝えし、担当者からご連絡します。お急ぎの場合はお電話ください。',
              'We have your request and will pass it on to {desk} shortly; someone will contact you. If it is urgent, please call.',
              { desk: desk.name },
            )
          : bi(
              '面談のご希望を{desk}にお伝えしました。担当者からご連絡します。',
              'We passed your request on to {desk}. Someone will contact you.',
              { desk: desk.name },
            )
    }</p>
    <p lang="ja">${desk.name}: <a href="tel:${desk.phone}">${desk.phone}</a>（${desk.hours}）</p>
  </section>`
  }
</main>`,
  )
}

/** A second answer to the same survey: kind, and nothing changed. */
export function surveyAnsweredPage() {
  return layout(
    { ja: 'すでにお答えいただいています', en: 'Already answered' },
    html`<main>
  <h1>${bi('このアンケートにはすでにお答えいただいています', 'You have already answered this survey')}</h1>
  <p>${bi('ご協力ありがとうございました。最初のご回答をそのまま大切に使わせていただきます。', 'Thank you. We keep your first answers as they are.')}</p>
</main>`,
  )
}

/** A survey that is no longer published. */
export function surveyClosedPage() {
  return layout(
    { ja: 'このアンケートは終了しました', en: 'This survey has closed' },
    html`<main>
  <h1>${bi('このアンケートは終了しました', 'This survey has closed')}</h1>
  <p>${bi('ご協力ありがとうございました。', 'Thank you for your interest.')}</p>
</main>`,
  )
}
