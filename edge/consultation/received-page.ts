import { html } from 'hono/html'
import { assessUrgency, categoryLabel } from '../../shared/consultation'
import type { TenantSettings } from '../../shared/contract'
import { bi, biInline } from '../web/bilingual'
import { emergencyNumbers } from '../web/emergency-section'
import { childGuidanceLine, domesticViolenceLines, mentalHealthLines } from '../web/helplines'
import { helplinesSection } from '../web/helplines-section'
import { layout } from '../web/layout'
import { type ForwardNurse, referenceOf, type StoredConsultation } from './desk-mail'

function nextStep(c: StoredConsultation, tenant: TenantSettings) {
  if (c.contactBy === 'phone')
    return bi(
      '{desk}から、{phone} にお電話します（{hours}）。',
      'The desk will call you at {phone} ({hours}).',
      { desk: tenant.desk.name, phone: c.contactPhone ?? '', hours: tenant.desk.hours },
    )
  if (c.contactBy === 'registered')
    return bi(
      '{desk}から、ご登録の連絡先にお返事します（{hours}）。',
      'The desk will answer you at the address you registered ({hours}).',
      { desk: tenant.desk.name, hours: tenant.desk.hours },
    )
  return bi(
    '{desk}が読みます。お返事はしません。話したくなったら、いつでもお電話ください。',
    'The desk will read it and will not answer. If you would like to talk, call any time the desk is open.',
    { desk: tenant.desk.name },
  )
}

/** Who reads it first: the family's nurse by the name she shows, the desk beside her. */
function readBy(nurse: ForwardNurse, tenant: TenantSettings) {
  return html`<p>${bi(
    'このご相談は、担当の保健師 {nurse} さんに届きました。{desk}も読みます。',
    'Your question went to your public health nurse, {nurse}. The desk reads it too.',
    { nurse: nurse.name, desk: tenant.desk.name },
  )}</p>`
}

/**
 * The acknowledgement. The emergency numbers are always on it; when the words suggest urgency
 * they come straight after the title, with the national lines when they speak of despair, of
 * fear of hurting the child, or of violence at home.
 * `nurse`: the family's nurse it went to, named when she shows her name.
 */
export function consultReceivedPage(
  tenant: TenantSettings,
  manageToken: string,
  c: StoredConsultation,
  nurse: ForwardNurse | null = null,
) {
  const urgency = assessUrgency(c.text)
  const urgent = c.urgent || urgency.urgent
  const lines = [
    ...(urgency.selfHarm ? mentalHealthLines(tenant.prefecture) : []),
    ...(urgency.childSafety ? [childGuidanceLine] : []),
    ...(urgency.violence ? domesticViolenceLines : []),
  ]
  const category = categoryLabel(c.category)
  return layout(
    { ja: 'ご相談を受け付けました', en: 'We received your question' },
    html`<main>
  <h1>${bi('ご相談を受け付けました', 'We received your question')}</h1>
  ${
    urgent
      ? html`<p class="error" role="alert">${bi(
          'いま危ない状態かもしれないときは、お返事を待たずに、すぐ電話してください。',
          'If someone may be in danger now, do not wait for a reply: please call now.',
        )}</p>
  ${emergencyNumbers(tenant)}
  ${lines.length > 0 ? helplinesSection(lines) : ''}`
      : ''
  }
  <section aria-labelledby="received-title">
    <h2 id="received-title">${biInline('これから', 'What happens next')}</h2>
    <p>${biInline('受付番号', 'Reference')}: <strong>${referenceOf(c.id)}</strong>（${biInline(category.ja, category.en)}）</p>
    ${nurse && nurse.name.trim() !== '' ? readBy(nurse, tenant) : ''}
    <p>${nextStep(c, tenant)}</p>
    <p>${biInline('お電話で話すこともできます', 'You can also call')}: <span lang="ja">${tenant.desk.name}</span> <a href="tel:${tenant.desk.phone}">${tenant.desk.phone}</a>（<span lang="ja">${tenant.desk.hours}</span>）</p>
  </section>
  ${urgent ? '' : emergencyNumbers(tenant)}
  <p><a href="/r/${manageToken}">${biInline('登録内容のページへ', 'Your registration page')}</a></p>
</main>`,
  )
}
