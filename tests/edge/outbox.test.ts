import { env, exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { app } from '../../edge/app'
import type { OutgoingMessage } from '../../edge/channels/adapter'
import { outboxAdapter } from '../../edge/channels/outbox'

const message = (overrides: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  idempotencyKey: `sub-1/2026-11-23/program/${crypto.randomUUID()}`,
  tenant: 'sakura-city',
  channel: 'email',
  to: 'hanako.yamada@example.jp',
  subject: '今日のお便り',
  text: 'はなさん、今日で妊娠28週0日です。',
  ...overrides,
})

/** The cookie the printed outbox URL leaves in a browser (the tests' OUTBOX_KEY). */
const withKey = { headers: { cookie: `outbox_key=${env.OUTBOX_KEY}` } }

async function outboxRows() {
  const { results } = await env.DB.prepare('SELECT * FROM outbox ORDER BY created_at').all<
    Record<string, unknown>
  >()
  return results
}

describe('the outbox adapter', () => {
  it('stores each rendered message and reports it sent', async () => {
    const adapter = outboxAdapter(env.DB, () => new Date('2026-11-23T00:00:00Z'))
    const batch = [
      message(),
      message({ channel: 'sms', to: '+819012345678', subject: undefined, text: 'SMS です' }),
    ]
    const results = await adapter.send(batch)

    expect(results.map((r) => [r.idempotencyKey, r.outcome])).toEqual(
      batch.map((m) => [m.idempotencyKey, 'sent']),
    )
    const rows = await outboxRows()
    expect(rows).toHaveLength(2)
    expect(rows[0]).toMatchObject({
      recipient: 'hanako.yamada@example.jp',
      subject: '今日のお便り',
      id: results[0]!.providerMessageId,
    })
    expect(rows[1]).toMatchObject({ channel: 'sms', subject: null, text: 'SMS です' })
  })

  it('stores a message sent again with the same idempotency key only once', async () => {
    const adapter = outboxAdapter(env.DB)
    const once = message({ idempotencyKey: 'sub-2/2026-11-23/program' })
    const [first] = await adapter.send([once])
    const [again] = await adapter.send([{ ...once }])

    expect(again).toEqual(first)
    const { results } = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM outbox WHERE idempotency_key = 'sub-2/2026-11-23/program'",
    ).all()
    expect(results).toEqual([{ n: 1 }])
  })
})

describe('/outbox', () => {
  it('lists stored messages with the recipient masked', async () => {
    await outboxAdapter(env.DB).send([message({ to: 'taro.suzuki@example.jp', subject: '今週のお知らせ' })])
    const response = await exports.default.fetch('http://edge.test/outbox', withKey)
    expect(response.status).toBe(200)
    const page = await response.text()
    expect(page).toContain('<html lang="ja">')
    expect(page).toContain('送信箱')
    expect(page).toContain('今週のお知らせ')
    expect(page).toContain('t***@example.jp')
    expect(page).not.toContain('taro.suzuki')
  })

  it('renders an HTML-injection attempt in a subject and text as inert text', async () => {
    const attack = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    const [sent] = await outboxAdapter(env.DB).send([message({ subject: attack, text: `本文 ${attack}` })])
    for (const path of ['/outbox', `/outbox/${sent!.providerMessageId}`]) {
      const page = await (await exports.default.fetch(`http://edge.test${path}`, withKey)).text()
      expect(page).not.toContain('<script>alert')
      expect(page).not.toContain('<img src=x')
      expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')
    }
  })

  it('links each message to a page with its full text and its HTML in a sandbox', async () => {
    const text = `はなさん、今日で妊娠28週0日です。\n${'長い本文。'.repeat(30)}`
    const [sent] = await outboxAdapter(env.DB).send([
      message({ text, html: '<p onclick="x()">HTML 本文</p>' }),
    ])
    const list = await (await exports.default.fetch('http://edge.test/outbox', withKey)).text()
    expect(list).toContain(`href="/outbox/${sent!.providerMessageId}"`)

    const response = await exports.default.fetch(
      `http://edge.test/outbox/${sent!.providerMessageId}`,
      withKey,
    )
    const page = await response.text()
    expect(page).toContain(text)
    expect(page).toContain('<iframe sandbox=""')
    expect(page).toContain('srcdoc="&lt;p onclick=&quot;x()&quot;&gt;HTML 本文&lt;/p&gt;"')
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'")
  })

  it('answers 404 for a message that does not exist', async () => {
    const response = await exports.default.fetch('http://edge.test/outbox/nope', withKey)
    expect(response.status).toBe(404)
    expect(await response.text()).toContain('見つかりません')
  })

  it('does not exist where OUTBOX_PAGE is not "on"', async () => {
    const response = await app.request('/outbox', {}, { ...env, OUTBOX_PAGE: 'off' })
    expect(response.status).toBe(404)
  })
})
