import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { storeSnapshot } from '../../edge/snapshot/store'
import { codeWording, lineReplies } from '../../edge/verification/code-messages'
import { smsSender } from '../../edge/verification/letter'
import { prepareSnapshot } from '../../shared/contract'
import { fixtureNationalPart, fixtureTenantParts } from '../../shared/contract/fixture'
import { wordIn, wording } from '../../shared/languages/wording'
import { firstInShards, post, validRegistration } from './support/resident-http'
import { freshIp, outboxFor, registerBySms } from './support/verification'

// Codes and confirmations in the language the resident registered in: an SMS in that language
// only. Expectations are worded through wordIn, so they hold whether or not the catalogue for the
// language is filled yet (its fallback is what the resident gets until then).

const sakura = fixtureTenantParts[0]!.tenant

beforeAll(async () => {
  // Sakura as the fixture has it, offering Vietnamese too.
  const parts = fixtureTenantParts.map((p) =>
    p.tenant.slug === sakura.slug
      ? { ...p, tenant: { ...p.tenant, languages: { offered: ['ja', 'en', 'vi'], fallback: ['ja'] } } }
      : p,
  )
  const at = new Date()
  const snapshot = await prepareSnapshot({
    id: 'wording-confirmations-0001',
    createdAt: at.toISOString(),
    parts: [fixtureNationalPart, ...parts],
  })
  await storeSnapshot(env.DB, snapshot, at, env)
})

async function codeSms(language: string) {
  const registered = await registerBySms({ fields: { language } })
  expect(registered.response.status).toBe(303)
  const texts = await outboxFor(registered.mobile.e164)
  expect(texts).toHaveLength(1)
  const text = texts[0]!.text
  const code = text.match(/\d{6}/)?.[0]
  if (!code) throw new Error(`no code in ${text}`)
  return { ...registered, text, code }
}

describe('the code SMS', () => {
  it('is worded in the language of the registration, and that language only', async () => {
    const { text, code, mobile } = await codeSms('vi')
    const pending = await firstInShards<{ language: string }>(
      'SELECT language FROM subscribers WHERE address = ?1',
      mobile.e164,
    )
    expect(pending?.language).toBe('vi')
    const own = wordIn(codeWording(code), 'vi')
    expect(text).toBe(`【${smsSender(sakura)}】${own.text}`)
    if (own.lang !== 'ja' && own.lang !== 'ja-x-easy') expect(text).not.toContain('確認コード')
    expect(text.length).toBeLessThanOrEqual(70)
  })

  it('is English alone for an English reader, and Japanese alone for a Japanese one', async () => {
    const en = await codeSms('en')
    expect(en.text).toBe(`【${smsSender(sakura)}】${wordIn(codeWording(en.code), 'en').text}`)
    expect(en.text).not.toContain('確認コード')
    const ja = await codeSms('ja')
    expect(ja.text).toBe(`【${smsSender(sakura)}】確認コード ${ja.code}（10分有効）`)
    expect(ja.text).not.toMatch(/code/i)
  })
})

describe('the notice to the owner of a number registered again', () => {
  it('is in the owner’s language only', async () => {
    const owner = await codeSms('en')
    expect((await post(owner.codePage, { code: owner.code })).status).toBe(303)
    await registerBySms({ mobile: owner.mobile, fields: { language: 'ja' } })
    const texts = await outboxFor(owner.mobile.e164)
    expect(texts).toHaveLength(2)
    expect(texts[1]!.text).toContain('already registered')
    expect(texts[1]!.text).not.toContain('登録済み')
    expect(texts[1]!.text).toMatch(/\/r\/1[A-Za-z0-9_-]{22}/)
  })
})

describe('the email that confirms a registration', () => {
  it('is in the registration’s language, then the Japanese beneath; the subject both', async () => {
    const fields = validRegistration({ language: 'vi' })
    expect((await post('/t/sakura-city', fields, { ip: freshIp() })).status).toBe(303)
    const [mail] = await outboxFor(fields.address!)
    const thanks = wording(
      '{town}の「寄り添い」へのご登録ありがとうございます。',
      'Thank you for registering with yorisoi from {town}.',
      { town: sakura.name.ja, townEn: sakura.name.en },
    )
    const own = wordIn(thanks, 'vi').text
    const ja = wordIn(thanks, 'ja').text
    expect(mail!.text.indexOf(own)).toBeGreaterThanOrEqual(0)
    expect(mail!.text.indexOf(own)).toBeLessThan(mail!.text.indexOf(ja))
    const subject = wordIn(wording('ご登録の確認', 'Please confirm'), 'vi').text
    expect(mail!.subject).toBe(`【${sakura.name.ja}】${subject} / ご登録の確認`)
  })
})

describe('a LINE reply', () => {
  const notFound = wording(
    'コードが見つかりませんでした。登録ページに表示された8けたの数字を、もう一度お確かめください。',
    'We could not find that code. Please check the 8 digits on the registration page.',
  )

  it('is in the registration’s language with the Japanese beneath once a code names it', () => {
    const own = wordIn(notFound, 'vi')
    const expected = own.lang === 'ja' ? notFound.ja : `${own.text}\n\n${notFound.ja}`
    expect(lineReplies.unknown('vi')).toBe(own.lang === 'ja-x-easy' ? own.text : expected)
    expect(lineReplies.unknown('ja')).toBe(notFound.ja)
  })

  it('is Japanese then English before anyone is known', () => {
    expect(lineReplies.unknown()).toBe(`${notFound.ja}\n\n${notFound.en}`)
  })
})
