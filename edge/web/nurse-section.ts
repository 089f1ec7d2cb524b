import { html } from 'hono/html'
import { biInline } from './bilingual'

/** What a family's page shows of a nurse: her name and contact as she wrote them (resident/nurses.ts). */
export interface NurseOnPage {
  name: string
  contact: string | null
  /** Whether consultations reach her: she has an address for them. */
  email?: string | null
}

// A contact that is a phone number can be dialled from the page; anything else is shown as written.
const phoneLike = /^\+?[0-9][0-9-]{5,}$/

function contactLine(contact: string) {
  const dialled = contact.replaceAll(/[\s()]/g, '')
  return html`<p>${biInline('連絡先', 'Contact')}: ${
    phoneLike.test(dialled) ? html`<a href="tel:${dialled.replaceAll('-', '')}">${contact}</a>` : contact
  }</p>`
}

/** Each nurse's name as she chose to show it, and how to reach her. */
export function nurseLines(nurses: readonly NurseOnPage[]) {
  return nurses.map(
    (nurse) => html`<p><strong lang="ja">${nurse.name}</strong></p>
    ${nurse.contact ? contactLine(nurse.contact) : ''}`,
  )
}

/** 「担当の保健師」: who accompanies the family, on the pages a family opens; nothing without one. */
export function nurseSection(nurses: readonly NurseOnPage[]) {
  if (nurses.length === 0) return ''
  return html`<section aria-labelledby="nurse-title">
  <h2 id="nurse-title">${biInline('担当の保健師', 'Your public health nurse')}</h2>
  ${nurseLines(nurses)}
  ${
    nurses.some((nurse) => nurse.email)
      ? html`<p>${biInline('ご相談は、まず担当の保健師に届きます。', 'Your questions reach your nurse first.')}</p>`
      : ''
  }
</section>`
}
