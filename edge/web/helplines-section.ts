import { html } from 'hono/html'
import { biInline } from './bilingual'
import type { Helpline } from './helplines'

// A short number's # must be escaped, or the link ends at it (tel:#8008 dials nothing).
const dial = (phone: string) => `tel:${phone.replaceAll('-', '').replaceAll('#', '%23')}`

const line = (l: Helpline) =>
  html`<li>${biInline(l.name.ja, l.name.en)}: <a href="${dial(l.phone)}">${l.phone}</a>${l.reading ? html`<span lang="ja">（${l.reading}）</span>` : ''}<br />${biInline(l.hours.ja, l.hours.en)}${l.web ? html`<br /><a href="${l.web}">${new URL(l.web).host}</a>` : ''}</li>`

/** National lines to talk to someone now, shown when a consultation's words speak of despair, fear of harm or violence. */
export function helplinesSection(lines: readonly Helpline[]) {
  return html`<section class="emergency" aria-labelledby="helplines-title">
  <h2 id="helplines-title">${biInline('いま、話を聞いてもらえるところ', 'People you can talk to now')}</h2>
  <ul>
    ${lines.map(line)}
  </ul>
</section>`
}
