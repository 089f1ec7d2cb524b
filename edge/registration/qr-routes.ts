import { Hono } from 'hono'
import QRCode from 'qrcode'
import type { Env } from '../env'
import { findTenant } from '../snapshot/tenant'
import { publicOrigin } from '../web/origin'
import { qrPng } from '../web/qr-png'

// The code staff print on flyers handed out with the 母子健康手帳; it holds only the public
// registration address, so it can be served to anyone and cached.
export const qrRoutes = new Hono<{ Bindings: Env }>().get('/:file{[a-z0-9-]+\\.(svg|png)}', async (c) => {
  const file = c.req.param('file')
  const slug = file.replace(/\.(svg|png)$/, '')
  const tenant = await findTenant(c.env.DB, slug)
  if (!tenant) return c.notFound()
  const url = `${publicOrigin(c)}/t/${tenant.slug}`
  const headers = {
    'Cache-Control': 'public, max-age=3600',
    'Content-Disposition': `inline; filename="${file}"`,
  }
  if (file.endsWith('.svg')) {
    const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 })
    return c.body(svg, 200, { ...headers, 'Content-Type': 'image/svg+xml' })
  }
  return c.body(await qrPng(url), 200, { ...headers, 'Content-Type': 'image/png' })
})
