import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { get, post, registeredResident, seedFixtureTenants } from './support/resident-http'
import { freshMobile, latestCode, outboxFor } from './support/verification'

beforeAll(seedFixtureTenants)

async function where(address: string) {
  return env.DB.prepare('SELECT id, channel, address, state FROM subscribers WHERE address = ?1')
    .bind(address)
    .first<{ id: string; channel: string; address: string; state: string }>()
}

describe('changing channel or address from the manage page, proved first', () => {
  it('is linked from the manage page and shows where messages go now, masked', async () => {
    const { address, manage } = await registeredResident()
    expect(await (await get(manage)).text()).toContain(`href="${manage}/address"`)
    const page = await (await get(`${manage}/address`)).text()
    expect(page).toContain('受け取り方の変更')
    expect(page).toContain(`${address.slice(0, 1)}***@example.jp`)
    expect(page).not.toContain(address)
  })

  it('email → SMS: the old address keeps receiving until the code is entered', async () => {
    const { address, manage } = await registeredResident()
    const mobile = freshMobile()
    const asked = await post(`${manage}/address`, { channel: 'sms', address: mobile.typed })
    expect(asked.status).toBe(303)
    const codePage = asked.headers.get('location')!
    expect(codePage).toMatch(/^\/v\/1[A-Za-z0-9_-]{22}$/)
    expect(await where(address)).toMatchObject({ channel: 'email', address, state: 'active' })
    const waiting = await (await get(`${manage}/address`)).text()
    expect(waiting).toContain('確認を待っています')
    expect(waiting).toContain(`***${mobile.e164.slice(-4)}`)

    const code = await latestCode(mobile.e164)
    const done = await post(codePage, { code })
    expect(done.status).toBe(303)
    expect(done.headers.get('location')).toBe(`${manage}/address?done=changed`)
    expect(await where(address)).toBeNull()
    expect(await where(mobile.e164)).toMatchObject({ channel: 'sms', state: 'active' })
    expect(await (await get(`${manage}/address?done=changed`)).text()).toContain('受け取り先を変えました')
  })

  it('email → another email: a link to the new address, a button, then the switch', async () => {
    const { address, manage } = await registeredResident()
    const next = `next-${crypto.randomUUID().slice(0, 8)}@example.jp`
    const asked = await post(`${manage}/address`, { channel: 'email', address: next })
    expect(asked.status).toBe(200)
    expect(await asked.text()).toContain('確認のメールを送りました')
    expect(await where(address)).toMatchObject({ channel: 'email', address })

    const [mail] = await outboxFor(next)
    expect(mail!.subject).toContain('受け取り先の確認')
    const link = mail!.text.match(/http:\/\/edge\.test(\/v\/1[A-Za-z0-9_-]{22})/)![1]!
    // Opening the link (a mail scanner) changes nothing; the button does.
    expect(await (await get(link)).text()).toContain('確定する')
    expect(await where(address)).not.toBeNull()
    const done = await post(link, {})
    expect(done.headers.get('location')).toBe(`${manage}/address?done=changed`)
    expect(await where(next)).toMatchObject({ channel: 'email', state: 'active' })
    expect((await post(link, {})).status).toBe(404)
  })

  it('refuses the same address, a bad number or a channel the tenant lacks, keeping what was typed', async () => {
    const { address, manage } = await registeredResident()
    const cases: [Record<string, string>, string][] = [
      [{ channel: 'email', address: ` ${address} ` }, 'いまと同じ受け取り先です'],
      [{ channel: 'sms', address: '03-1234-5678' }, '携帯電話の番号を確かめてください'],
      [{ channel: 'line', address: '' }, '受け取り方を選んでください'],
      [{ channel: 'email', address: 'hana@' }, 'メールアドレスの形が正しくありません'],
    ]
    for (const [fields, message] of cases) {
      const response = await post(`${manage}/address`, fields)
      expect(response.status).toBe(422)
      const page = await response.text()
      expect(page).toContain(message)
      expect(page).toContain('aria-invalid="true"')
      if (fields.address) expect(page).toContain(`value="${fields.address}"`)
    }
    expect(await where(address)).toMatchObject({ channel: 'email', address })
  })

  it('a dead manage link opens nothing', async () => {
    expect((await get('/r/AAAAAAAAAAAAAAAAAAAAAA/address')).status).toBe(404)
    expect(
      (await post('/r/AAAAAAAAAAAAAAAAAAAAAA/address', { channel: 'email', address: 'x@example.jp' })).status,
    ).toBe(404)
  })
})
