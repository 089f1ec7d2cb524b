import { html } from 'hono/html'
import type { TenantSettings } from '../../shared/contract'

/** The town's desk as the town writes it, in Japanese: marked so on a page in any language. */
export const deskLine = (desk: TenantSettings['desk']) =>
  html`<span lang="ja">${desk.name} ${desk.phone}（${desk.hours}）</span>`
