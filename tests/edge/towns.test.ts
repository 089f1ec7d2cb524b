import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { app } from '../../edge/app'
import { storeSnapshot } from '../../edge/snapshot/store'
import { fixtureSnapshot } from '../../shared/contract/fixture'

describe('the Worker’s own address', () => {
  it('lists the towns’ registration pages on the local system', async () => {
    const empty = await app.request('/', {}, env)
    expect(empty.status).toBe(200)
    expect(await empty.text()).toContain('まだ公開された内容がありません')
    await storeSnapshot(env.DB, await fixtureSnapshot())
    const response = await app.request('/', {}, env)
    const page = await response.text()
    expect(response.status).toBe(200)
    expect(page).toContain('href="/t/sakura-city"')
    expect(page).toContain('<html lang="ja">')
  })

  it('says nothing in production, where the outbox is off', async () => {
    const response = await app.request('/', {}, { ...env, OUTBOX_PAGE: 'off' })
    expect(response.status).toBe(404)
  })
})
