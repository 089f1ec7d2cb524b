import type { Endpoint, PayloadRequest, TypedUser } from 'payload'
import { createElement } from 'react'
import { tableCsv } from './csv'
import { loadDashboard, seesDashboard } from './load'
import { periodFrom } from './period'
import { findTable, sectionsOf } from './sections'

const forbidden = () =>
  Response.json({ error: 'この画面を見る権限がありません / You may not see this view' }, { status: 403 })

async function sectionsFor(req: PayloadRequest) {
  const query = Object.fromEntries(new URL(req.url ?? '', 'http://localhost').searchParams)
  const data = await loadDashboard(req.payload, req.user as TypedUser, periodFrom(query))
  return { data, sections: sectionsOf(data), query }
}

/** GET /api/dashboard/csv?table=KEY&from&to&tenant: one table of the dashboard, same access. */
export const csvEndpoint: Endpoint = {
  path: '/dashboard/csv',
  method: 'get',
  handler: async (req) => {
    if (!seesDashboard(req.user)) return forbidden()
    const { data, sections, query } = await sectionsFor(req)
    const table = findTable(sections, String(query.table ?? ''))
    if (!table) return Response.json({ error: '表が見つかりません / No such table' }, { status: 404 })
    return new Response(tableCsv(table), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${table.key}_${data.period.from}_${data.period.to}.csv"`,
        'cache-control': 'no-store',
      },
    })
  },
}

/** GET /api/dashboard/report?from&to&tenant: the print report (A4, a section a page). */
export const reportEndpoint: Endpoint = {
  path: '/dashboard/report',
  method: 'get',
  handler: async (req) => {
    if (!seesDashboard(req.user)) return forbidden()
    const { data, sections } = await sectionsFor(req)
    // Loaded here, not with the config: the config is read by tools (payload's CLI) that load
    // neither react-dom/server nor the charts' ES modules.
    const [{ renderToStaticMarkup }, { ReportPage }] = await Promise.all([
      import('react-dom/server'),
      import('./ReportPage'),
    ])
    const html = `<!doctype html>${renderToStaticMarkup(createElement(ReportPage, { data, sections }))}`
    return new Response(html, {
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
    })
  },
}
