import { env, exports } from 'cloudflare:workers'
import { beforeEach, describe, expect, it } from 'vitest'
import { storeStandingLinks } from '../../edge/delivery/links'
import { deliveredMail, messagePath, site } from './support/delivered-mail'
import { emptyDeliveryTables, rows } from './support/delivery'

const get = (path: string) => exports.default.fetch(`${site}${path}`, { redirect: 'manual' })

/** A form sent from the page itself, as the browser sends it (same origin). */
const postForm = (path: string, form: Record<string, string> = {}) =>
  exports.default.fetch(`${site}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: site, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  })

const state = async (id: string) =>
  (await rows<{ state: string }>('SELECT state FROM subscribers WHERE id = ?1', id))[0]?.state

const notValid = async (path: string) => {
  const answer = await get(path)
  expect(answer.status, path).toBe(404)
  expect(await answer.text()).toContain('このリンクは使えません')
}

beforeEach(emptyDeliveryTables)

describe('a new manage link', () => {
  it('ends every earlier manage link, while the stop link and message page of a message sent before still work', async () => {
    const { manage, stop } = await deliveredMail('sub-rot')
    const message = await messagePath('sub-rot')
    expect((await get(manage)).status).toBe(200)
    expect(await (await get(manage)).text()).toContain(`action="${manage}/new-link"`)

    const issued = await postForm(`${manage}/new-link`)
    expect(issued.status).toBe(200)
    const shown = await issued.text()
    expect(shown).toContain('新しいリンク')
    const fresh = shown.match(/\/r\/[0-9]{0,4}[A-Za-z0-9_-]{22}/g)?.find((p) => p !== manage)
    expect(fresh, shown).toBeDefined()

    // The old link: the not-valid page, for a look and for a change alike.
    await notValid(manage)
    const change = await postForm(`${manage}/nickname`, { nickname: 'だれか' })
    expect(change.status).toBe(404)
    // A delivery batch stores the standing links again: the old one stays dead.
    await (await storeStandingLinks(env.DB, env.LINK_SECRET!, ['sub-rot'], new Date())).run()
    await notValid(manage)

    // The new link opens the manage page.
    const page = await get(fresh!)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('value="はな"')

    // The message page of the message sent before still opens, now with the new manage link.
    const opened = await get(message)
    expect(opened.status).toBe(200)
    const body = await opened.text()
    // With or without shard 1's prefix: a bare token opens in shard 1 for good.
    const token = fresh!.slice(-22)
    const oldToken = manage.slice(-22)
    expect(body).toMatch(new RegExp(`${site}/r/1?${token}`))
    expect(body).not.toMatch(new RegExp(`${site}/r/1?${oldToken}`))

    // The stop link in that message still stops in one tap.
    const oneClick = await exports.default.fetch(`${site}${stop}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    })
    expect(oneClick.status).toBe(200)
    expect(await state('sub-rot')).toBe('stopped')
  })

  it('once pressed again, ends the link it gave before', async () => {
    const { manage } = await deliveredMail('sub-rot2')
    const first = (await (await postForm(`${manage}/new-link`)).text())
      .match(/\/r\/[0-9]{0,4}[A-Za-z0-9_-]{22}/g)
      ?.find((p) => p !== manage)
    expect(first).toBeDefined()
    const second = (await (await postForm(`${first}/new-link`)).text())
      .match(/\/r\/[0-9]{0,4}[A-Za-z0-9_-]{22}/g)
      ?.find((p) => p !== first)
    expect(second).toBeDefined()
    expect(second).not.toBe(manage)
    await notValid(manage)
    await notValid(first!)
    expect((await get(second!)).status).toBe(200)
  })

  it('is refused without the page’s own origin, and the link stays', async () => {
    const { manage } = await deliveredMail('sub-rot3')
    const forged = await exports.default.fetch(`${site}${manage}/new-link`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    })
    expect(forged.status).toBe(403)
    expect((await get(manage)).status).toBe(200)
  })
})
