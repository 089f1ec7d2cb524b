import { env, exports } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { storeSnapshot } from '../../edge/snapshot/store'
import { prepareSnapshot } from '../../shared/contract'
import { fixtureNationalPart, fixtureTenantParts } from '../../shared/contract/fixture'
import { type Wording, wordIn } from '../../shared/languages/wording'
import { japaneseUnmarked } from './support/japanese-unmarked'
import { origin, post, registeredResident } from './support/resident-http'
import { outboxFor } from './support/verification'

// The manage pages in the resident's own language, with the Japanese beneath for staff and family.
// What a language reads is taken from wordIn, so these stay right as the catalogues fill in.

beforeAll(async () => {
  const [sakura, ...others] = fixtureTenantParts
  const snapshot = await prepareSnapshot({
    id: 'wording-manage-0001',
    createdAt: '2026-11-20T00:00:00.000Z',
    parts: [
      fixtureNationalPart,
      {
        ...sakura!,
        tenant: { ...sakura!.tenant, languages: { offered: ['ja', 'en', 'vi'], fallback: ['ja'] } },
      },
      ...others,
    ],
  })
  await storeSnapshot(env.DB, snapshot)
})

/** A GET as a browser sends it, with the cookie this device keeps. */
const open = (path: string, cookie?: string) =>
  exports.default.fetch(`${origin}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} })

/** A form post from our own page, with the cookie this device keeps. */
const postWith = (path: string, fields: Record<string, string>, cookie: string) =>
  exports.default.fetch(`${origin}${path}`, {
    method: 'POST',
    headers: { origin, cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
    redirect: 'manual',
  })

/** A text as `bi` shows it to a reader of `tag`: their language, the Japanese beneath (none for やさしい日本語). */
function shownAs(w: Wording, tag: string): string {
  const own = wordIn(w, tag)
  if (own.lang === 'ja') return `${w.ja}<br /><span class="en" lang="en">${w.en}</span>`
  if (own.lang === 'ja-x-easy') return `<span lang="ja-x-easy">${own.text}</span>`
  return `<span lang="${own.lang}">${own.text}</span><br /><span class="ja" lang="ja">${w.ja}</span>`
}

/** A form error as biText gives it: the reader's language / the Japanese. */
/** A field error as the page marks it: each half in its own language. */
function errorAs(w: Wording, tag: string): string {
  const own = wordIn(w, tag)
  if (own.lang === 'ja') return `<span lang="ja">${w.ja}</span> <span class="en" lang="en">/ ${w.en}</span>`
  return own.lang === 'ja-x-easy'
    ? own.text
    : `<span lang="${own.lang}">${own.text}</span> <span class="ja" lang="ja">/ ${w.ja}</span>`
}

/** Texts shown in English on a page in another language, past English's own name and the town's Latin name. */
const englishFallbacks = (page: string) =>
  page
    .replaceAll(/lang="en"( hreflang="en")?>English</g, '')
    .replaceAll('<span lang="en">Sakura City</span>', '')
    .match(/.{0,120}lang="en".{0,80}/g) ?? []

const heading = { ja: '登録内容の確認と変更', en: 'Your registration' }
const chooseLanguage = { ja: '言語を選んでください', en: 'Choose a language' }

describe('the manage page in the resident’s language', () => {
  it('is in the language the resident registered in, unless this device chose another', async () => {
    const { manage } = await registeredResident({ language: 'vi' })
    const page = await (await open(manage)).text()
    expect(page).toContain('<html lang="vi">')
    // Every fixed text has its Vietnamese: nothing falls back to English.
    expect(englishFallbacks(page)).toEqual([])
    expect(page).toContain(`<h1>${shownAs(heading, 'vi')}</h1>`)
    // Nothing Japanese unmarked: the nickname she gave (はな, kana) listed as Japanese, isolated.
    expect(await japaneseUnmarked(page)).toEqual([])
    expect(page).toContain('<li><bdi lang="ja">はな</bdi>（')
    // The language choice names each language in itself, and in Japanese after it.
    expect(page).toMatch(
      /value="vi" checked \/> <span lang="vi">Tiếng Việt<\/span> <span class="ja" lang="ja">ベトナム語<\/span>/,
    )

    const chosen = await open(`${manage}?lang=ja`)
    expect(await chosen.text()).toContain('<html lang="ja">')
  })

  it('changes the messages’ language and the pages’ with it, replacing this device’s earlier choice', async () => {
    const { manage } = await registeredResident({ language: 'vi' })
    const earlier = await open(`${manage}?lang=vi`)
    expect(earlier.headers.get('set-cookie')).toMatch(/^lang=vi;/)
    const changed = await postWith(`${manage}/language`, { language: 'en' }, 'lang=vi')
    expect(changed.status).toBe(303)
    expect(changed.headers.get('location')).toBe(`${manage}?done=language`)
    const cookie = changed.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/^lang=en;/)
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Lax/)
    expect(cookie).toMatch(/Path=\//)

    // The next page on this device: English, with the Japanese beneath.
    const page = await (await open(`${manage}?done=language`, 'lang=en')).text()
    expect(page).toContain('<html lang="en">')
    expect(page).toContain(`<h1>${shownAs(heading, 'en')}</h1>`)
    expect(page).toContain(
      '<span lang="en">The language of the messages is changed.</span><br /><span class="ja" lang="ja">お便りの言語を変えました。</span>',
    )
    // Elsewhere (no choice on that device), the stored language reads English too.
    expect(await (await open(manage)).text()).toContain('<html lang="en">')
  })

  it('lists the towns to move to by their Japanese names (with the Latin), marked Japanese', async () => {
    const { manage } = await registeredResident({ language: 'vi' })
    const page = await (await open(`${manage}/move`)).text()
    expect(page).toContain('<html lang="vi">')
    expect(page).toContain('<option value="minato-town" lang="ja">みなと町 / Minato Town</option>')
    expect(englishFallbacks(page)).toEqual([])
    for (const path of ['/move/minato-town', '/loss', '/delete']) {
      const other = await open(`${manage}${path}`)
      expect(other.status, path).toBe(200)
      const body = await other.text()
      expect(englishFallbacks(body), path).toEqual([])
      expect(await japaneseUnmarked(body), path).toEqual([])
    }
    expect(page).toContain(
      `<option value="elsewhere">${wordIn({ ja: '上にないまち', en: 'Another town' }, 'vi').text} / 上にないまち</option>`,
    )
  })

  it('shows a refused form’s error in the reader’s language, the Japanese beside it', async () => {
    const pages: Record<string, string> = {}
    for (const language of ['vi', 'en']) {
      const { manage } = await registeredResident({ language })
      const refused = await post(`${manage}/language`, { language: 'fr' })
      expect(refused.status).toBe(422)
      expect(refused.headers.get('set-cookie')).toBeNull()
      const page = await refused.text()
      expect(page).toContain(`<html lang="${language}">`)
      expect(page).toContain(`<p class="error" id="language-error">${errorAs(chooseLanguage, language)}</p>`)
      pages[language] = page
    }
    expect(pages.en).toContain(
      '<span lang="en">Choose a language</span> <span class="ja" lang="ja">/ 言語を選んでください</span>',
    )
  })

  it('sends the deletion confirmation in the resident’s language, the Japanese beneath', async () => {
    const { manage, address } = await registeredResident({ language: 'en' })
    const asked = await post(`${manage}/delete`, {})
    expect(await asked.text()).toContain('<html lang="en">')
    const mail = (await outboxFor(address)).at(-1)!
    expect(mail.subject).toBe('【さくら市】Confirm deleting your data / データの削除の確認')
    const [first = '', second = ''] = mail.text.split('\n\n')
    expect(first).toMatch(/^Someone asked to delete your yorisoi data at Sakura City\./)
    expect(first).toContain('open the link below within 7 days')
    expect(second).toMatch(/^さくら市の「寄り添い」で、登録したデータの削除のお申し込みがありました。/)
  })
})
