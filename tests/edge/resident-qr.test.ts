import { beforeAll, describe, expect, it } from 'vitest'
import { get, seedFixtureTenants } from './support/resident-http'

beforeAll(seedFixtureTenants)

describe('the registration QR code for flyers', () => {
  it('is an SVG and a PNG of the tenant registration address', async () => {
    const svg = await get('/qr/sakura-city.svg')
    expect(svg.status).toBe(200)
    expect(svg.headers.get('content-type')).toBe('image/svg+xml')
    expect(await svg.text()).toMatch(/^<svg[^>]*viewBox/)

    const png = await get('/qr/sakura-city.png')
    expect(png.headers.get('content-type')).toBe('image/png')
    const bytes = new Uint8Array(await png.arrayBuffer())
    expect([...bytes.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47])
  })

  it('does not exist for an unknown tenant', async () => {
    expect((await get('/qr/nowhere.svg')).status).toBe(404)
  })
})
