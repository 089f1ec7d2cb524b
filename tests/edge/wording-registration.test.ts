import { env, exports } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { storeSnapshot } from '../../edge/snapshot/store'
import type { TenantPart } from '../../shared/contract'
import { fixtureNationalPart, fixtureTenantParts } from '../../shared/contract/fixture'
import { prepareSnapshot } from '../../shared/contract/snapshot'
import { wordIn } from '../../shared/languages/wording'
import { validConsultation } from './support/consultation'
import {
  firstInShards,
  linkInOutbox,
  origin,
  registeredResident,
  validRegistration,
} from './support/resident-http'
import { registerBySms } from './support/verification'

// Sakura offers Vietnamese here (this file only); Minato offers Japanese alone. Expected texts come
// from wordIn, so the tests stay right when the Vietnamese catalogue is filled in.
const sakura = fixtureTenantParts[0]!
const sakuraWithVi: TenantPart = {
  ...sakura,
  tenant: { ...sakura.tenant, languages: { offered: ['ja', 'en', 'vi'], fallback: ['ja'] } },
}

beforeAll(async () => {
  await storeSnapshot(
    env.DB,
    await prepareSnapshot({
      id: 'wording-registration',
      createdAt: '2026-12-01T00:00:00.000Z',
      parts: [fixtureNationalPart, sakuraWithVi, ...fixtureTenantParts.slice(1)],
    }),
  )
})

function request(
  path: string,
  headers: Record<string, string>,
  form?: Record<string, string>,
): Promise<Response> {
  return exports.default.fetch(`${origin}${path}`, {
    method: form ? 'POST' : 'GET',
    headers: form
      ? {
          ...headers,
          'content-type': 'application/x-www-form-urlencoded',
          origin,
          'cf-connecting-ip': `198.51.100.${Math.floor(Math.random() * 250)}`,
        }
      : headers,
    body: form ? new URLSearchParams(form) : undefined,
    redirect: 'manual',
  })
}

const vietnamese = { 'accept-language': 'vi-VN,vi;q=0.9,en;q=0.5' }

describe('registration in the reader’s language', () => {
  it('a Vietnamese browser gets the page in Vietnamese, the Japanese beneath, the town’s languages to choose from, Vietnamese messages by default', async () => {
    const page = await (await request('/t/sakura-city', vietnamese)).text()
    expect(page).toContain('<html lang="vi">')
    const lead = wordIn({ ja: '{town}「寄り添い」', en: 'yorisoi from {townEn}' }, 'vi')
    expect(page).toContain(`<span lang="${lead.lang}">`)
    expect(page).toContain('<span class="ja" lang="ja">さくら市「寄り添い」</span>')
    // The page's language choice: the town's three, each in itself.
    const choice = page.slice(page.indexOf('<nav class="languages"'), page.indexOf('</nav>'))
    expect([...choice.matchAll(/ lang="([^"]+)"/g)].map((m) => m[1])).toEqual(['ja', 'en', 'vi'])
    // The messages' language: the town's three, the reader's chosen.
    const select = page.slice(page.indexOf('<select id="language"'), page.indexOf('</select>'))
    expect([...select.matchAll(/<option value="([^"]+)"/g)].map((m) => m[1])).toEqual(['ja', 'en', 'vi'])
    expect(select).toContain('<option value="vi" lang="vi" selected>')
  })

  it('a town that does not offer the browser’s language answers in its own', async () => {
    const page = await (await request('/t/minato-town', vietnamese)).text()
    expect(page).toContain('<html lang="ja">')
    expect(page).toContain('<option value="ja" lang="ja" selected>')
  })

  it('?lang=en switches the page and sticks on this device', async () => {
    const switched = await request('/t/sakura-city?lang=en', vietnamese)
    expect(await switched.text()).toContain('<html lang="en">')
    const cookie = switched.headers.get('set-cookie')?.split(';')[0]
    expect(cookie).toBe('lang=en')
    const later = await (await request('/t/sakura-city', { ...vietnamese, cookie: cookie! })).text()
    expect(later).toContain('<html lang="en">')
    expect(later).toContain('<option value="en" lang="en" selected>')
  })

  it('a refused form says what is wrong in Vietnamese, the Japanese beneath', async () => {
    const refused = await request(
      '/t/sakura-city',
      vietnamese,
      validRegistration({ nickname: '', language: 'vi' }),
    )
    expect(refused.status).toBe(422)
    const page = await refused.text()
    expect(page).toContain('<html lang="vi">')
    const check = wordIn({ ja: '入力を確認してください', en: 'Please check the form' }, 'vi')
    expect(page).toContain(
      `<span lang="${check.lang}">${check.text}</span> <span class="ja" lang="ja">/ 入力を確認してください</span>`,
    )
    const problem = wordIn({ ja: 'ニックネームを入力してください', en: 'Please enter a nickname' }, 'vi')
    expect(page).toContain(
      `<p class="error" id="nickname-error"><span lang="${problem.lang}">${problem.text}</span> <span class="ja" lang="ja">/ ニックネームを入力してください</span></p>`,
    )
    // What was chosen stays chosen.
    expect(page).toContain('<option value="vi" lang="vi" selected>')
  })

  it('stores the chosen language; the confirmation email and the confirm page are in it, whatever the browser says', async () => {
    const fields = validRegistration({ language: 'vi' })
    expect((await request('/t/sakura-city', vietnamese, fields)).status).toBe(303)
    const stored = await firstInShards<{ language: string }>(
      'SELECT language FROM subscribers WHERE address = ?1',
      fields.address,
    )
    expect(stored?.language).toBe('vi')

    const mail = await firstInShards<{ text: string }>(
      'SELECT text FROM outbox WHERE recipient = ?1',
      fields.address,
    )
    const greeting = wordIn(
      { ja: '{nickname}さん', en: 'Dear {nickname},', values: { nickname: 'はな' } },
      'vi',
    )
    expect(mail!.text.startsWith(`${greeting.text}\n`)).toBe(true)
    // The Japanese follows for anyone reading along.
    expect(mail!.text).toContain('さくら市の「寄り添い」へのご登録ありがとうございます。')

    const confirm = await request(await linkInOutbox(fields.address!, '/c/'), { 'accept-language': 'en' })
    expect(await confirm.text()).toContain('<html lang="vi">')
  })

  it('the consultation form and its received page follow the resident’s stored language', async () => {
    const { manage } = await registeredResident({ language: 'vi' })
    const english = { 'accept-language': 'en' }
    const form = await (await request(`${manage}/consult`, english)).text()
    expect(form).toContain('<html lang="vi">')
    expect(form).toContain('<span class="ja" lang="ja">相談する</span>')

    const sent = await request(`${manage}/consult`, english, validConsultation())
    expect(sent.status).toBe(303)
    const received = await (await request(sent.headers.get('location')!, english)).text()
    expect(received).toContain('<html lang="vi">')
    expect(received).toContain('<span class="ja" lang="ja">/ 受付番号</span>')
  })

  it('the SMS code page is in the registration’s language, its refusal too', async () => {
    const { codePage } = await registerBySms({ fields: { language: 'vi' } })
    const english = { 'accept-language': 'en' }
    expect(await (await request(codePage, english)).text()).toContain('<html lang="vi">')
    const refused = await (await request(codePage, english, { code: '12' })).text()
    expect(refused).toContain('<html lang="vi">')
    const wrong = wordIn(
      {
        ja: 'コードが違います。あと{left}回入力できます。',
        en: 'That code is not right. Tries left: {left}.',
        values: { left: 4 },
      },
      'vi',
    )
    expect(refused).toContain(
      `<span lang="vi">${wrong.text}</span> <span class="ja" lang="ja">/ コードが違います。あと4回入力できます。</span>`,
    )
  })
})
