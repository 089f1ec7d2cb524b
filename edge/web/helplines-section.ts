import { html } from 'hono/html'
import { biInline } from './bilingual'
import type { Helpline } from './helplines'

const dial = (phone: string) => `tel:${phone.replaceAll('-', '')}`

/** National lines to talk to someone now, shown when a consultation's words speak of despair or fear of harm. */
export function helplinesSection(lines: readonly Helpline[]) {
  return html`<section class="emergency" aria-labelledby="helplines-title">
  <h2 id="helplines-title">${biInline('いま、話を聞いてもらえるところ', 'People you can talk to now')}</h2>
  <ul>
    ${lines.map(
      (l) =>
        html`<li>${biInline(l.name.ja, l.name.en)}: <a href="${dial(l.phone)}">${l.phone}</a><br />${biInline(l.hours.ja, l.hours.en)}</li>`,
    )}
  </ul>
</section>`
}
