import { Hono } from 'hono'
import { html } from 'hono/html'
import type { Env } from '../env'
import { loadActiveSnapshot } from '../snapshot/read'
import { bi } from '../web/bilingual'
import { layout } from '../web/layout'
import { isLocalSystem } from '../web/local-system'

// `/` on the local system (`npm start`, where OUTBOX_PAGE is on): the towns' registration pages, so
// a newcomer who opens the Worker's address finds somewhere to go. In production it says nothing
// (404): a town hands out its own registration address and QR code.
export const townsRoutes = new Hono<{ Bindings: Env }>().get('/', async (c) => {
  if (!isLocalSystem(c.env)) return c.notFound()
  const snapshot = await loadActiveSnapshot(c.env.DB)
  const towns = [...(snapshot?.tenants.values() ?? [])].map((part) => part.tenant)
  const page = layout(
    { ja: 'ローカルの寄り添い', en: 'yorisoi on this machine' },
    html`<main>
  <h1>${bi('ローカルの寄り添い', 'yorisoi on this machine')}</h1>
  <p>${bi('各自治体の登録ページです（この一覧はローカル環境でだけ表示されます）。', 'Each town’s registration page (this list is shown on the local system only).')}</p>
  ${
    towns.length === 0
      ? html`<p role="status">${bi('まだ公開された内容がありません。', 'Nothing has been published yet.')}</p>`
      : html`<ul>${towns.map(
          (t) =>
            html`<li><a href="/t/${t.slug}">${t.name.ja} / ${t.name.en}</a> (${Object.keys(t.channels).join(', ')})</li>`,
        )}</ul>`
  }
</main>`,
  )
  return c.html(page)
})
