import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FamilyMessages } from '../../cms/workspace/messages/FamilyMessages'
import { familyMessages } from '../../cms/workspace/messages/load'
import { askStaffApi } from '../../cms/workspace/staff-api'
import { maskAddress } from '../../edge/web/mask'
import type { FamiliesPage, StaffMessageEntry } from '../../shared/contract'
import { type RestResponse, rest } from '../cms/support/rest'
import { staffPassword, startWorkspace, type Workspace } from './support/workspace'

// A nurse writes to a family from the CMS; the Worker in workerd sends it through the family's own
// channel (the local outbox here), and the family's page shows it as sent.
let ws: Workspace
let household: string
let manage: string
const address = 'family.messages@example.jp'
const saved = { url: process.env.YORISOI_EDGE_URL, key: process.env.YORISOI_STAFF_API_PRIVATE_KEY }

const fromToday = (days: number) =>
  new Date(Date.now() + 9 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10)

/** A form post from the Worker's own pages, as a browser sends it. */
const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ws.worker.url },
  body: new URLSearchParams(fields),
  redirect: 'manual' as const,
})

/** Every message the local outbox shows, newest first, as its pages render them (the key as its cookie). */
async function outbox(): Promise<string[]> {
  const key = new URL(ws.worker.outboxUrl).searchParams.get('key')!
  const headers = { cookie: `outbox_key=${encodeURIComponent(key)}` }
  const list = await (await fetch(`${ws.worker.url}/outbox`, { headers })).text()
  const ids = [...list.matchAll(/href="\/outbox\/([^"?]+)"/g)].map((m) => m[1]!)
  return Promise.all(
    ids.map(async (id) => (await fetch(`${ws.worker.url}/outbox/${id}`, { headers })).text()),
  )
}

async function signIn(email: string): Promise<string> {
  const response = await rest(ws.cms.config, 'POST', '/api/users/login', {
    body: { email, password: staffPassword },
  })
  if (response.status !== 200) throw new Error(`login failed for ${email}`)
  return String(response.body.token)
}

const post = async (path: string, token: string | undefined, body: unknown) =>
  rest(ws.cms.config, 'POST', path, { ...(token ? { token } : {}), body }) as Promise<
    RestResponse & { body: { ok?: boolean; reason?: string; message?: StaffMessageEntry } }
  >

beforeAll(async () => {
  ws = await startWorkspace()
  // The endpoints reach the Worker as the CMS does in production: from its environment.
  process.env.YORISOI_EDGE_URL = ws.worker.url
  process.env.YORISOI_STAFF_API_PRIVATE_KEY = ws.target.privateKey
  const sent = await fetch(
    `${ws.worker.url}/t/sakura-city`,
    form({
      nickname: 'ひまり',
      audience: 'primary',
      stage: 'due',
      date: fromToday(100),
      language: 'ja',
      channel: 'email',
      address,
      consent: 'yes',
      noticeVersion: '2026-04',
    }),
  )
  expect(sent.status).toBe(303)
  const confirm = (await outbox()).join('\n').match(/http:\/\/[^\s"<]+\/c\/[A-Za-z0-9_-]+/)![0]
  const confirmed = await fetch(confirm, form({}))
  expect(confirmed.status).toBe(303)
  manage = new URL(confirmed.headers.get('location')!, ws.worker.url).pathname
  const families = await askStaffApi<FamiliesPage>(
    ws.payload,
    ws.users.nurseA,
    { role: 'nurse', tenant: 'sakura-city', path: '/families' },
    ws.target,
  )
  if (!families.ok) throw new Error(families.reason)
  household = families.data.families[0]!.household
}, 180_000)

afterAll(async () => {
  for (const [name, value] of [
    ['YORISOI_EDGE_URL', saved.url],
    ['YORISOI_STAFF_API_PRIVATE_KEY', saved.key],
  ] as const) {
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
  await ws?.stop()
})

describe('a nurse messages a family from the workspace', () => {
  it('reaches the family in the outbox signed with her shown name, and shows on the family page as sent', async () => {
    const token = await signIn('nursea@example.jp')
    const answer = await post(`/api/workspace/families/${household}/messages?tenant=sakura-city`, token, {
      text: '来週の両親学級のご案内です。ご都合はいかがですか。',
      to: 'all',
      requestId: crypto.randomUUID(),
    })
    expect(answer.status).toBe(200)
    expect(answer.body.ok).toBe(true)
    expect(answer.body.message?.deliveries).toEqual([
      expect.objectContaining({ nickname: 'ひまり', channel: 'email', state: 'sent' }),
    ])
    const mail = (await outbox()).find((page) => page.includes('来週の両親学級のご案内です。'))
    expect(mail).toContain('さくら市 保健師 さとうからのメッセージです。')
    expect(mail).toContain('ひまりさん')
    expect(mail).toContain(maskAddress('email', address))

    const page = await familyMessages(
      ws.payload,
      ws.users.nurseA,
      { tenant: 'sakura-city', household },
      ws.target,
    )
    if (!page.ok) throw new Error(page.reason)
    expect(page.data.messages.map((m) => [m.text, m.authorName, m.deliveries.map((d) => d.state)])).toEqual([
      ['来週の両親学級のご案内です。ご都合はいかがですか。', '保健師 さとう', ['sent']],
    ])
    // The family page's section, as the admin renders it for her.
    const section = renderToStaticMarkup(
      await FamilyMessages({ payload: ws.payload, user: ws.users.nurseA, tenant: 'sakura-city', household }),
    )
    expect(section).toContain('来週の両親学級のご案内です。')
    expect(section).toContain('ひまり（メール / Email）: 送信済み / Sent')
    expect(section).toContain('送信する / Send')
    // みなと町's nurse sees none of it.
    const other = renderToStaticMarkup(
      await FamilyMessages({ payload: ws.payload, user: ws.users.nurseB, tenant: 'sakura-city', household }),
    )
    expect(other).toContain('担当外の自治体です')
    expect(other).not.toContain('両親学級')
  })

  it('refuses another town’s nurse, a signed-out caller and an empty note — nothing more is sent', async () => {
    const before = (await outbox()).length
    const path = `/api/workspace/families/${household}/messages?tenant=sakura-city`
    const other = await post(path, await signIn('nurseb@example.jp'), { text: '届かない' })
    expect(other.status).toBe(403)
    expect(other.body).toEqual({ ok: false, reason: '担当外の自治体です / You do not act for this town' })
    expect((await post(path, undefined, { text: '届かない' })).status).toBe(401)
    const empty = await post(path, await signIn('nursea@example.jp'), {
      text: ' ',
      requestId: crypto.randomUUID(),
    })
    expect(empty.status).toBe(400)
    expect(empty.body).toEqual({ ok: false, reason: '本文を入力してください / Write the message' })
    expect((await outbox()).length).toBe(before)
  })

  it('answers a consultation: the reply reaches the resident who asked', async () => {
    const asked = await fetch(
      `${ws.worker.url}${manage}/consult`,
      form({ category: 'body', text: 'つわりがつらくて食べられません', contact: 'registered' }),
    )
    expect(asked.status).toBe(303)
    const consultation = /\/consult\/received\/([^/?]+)/.exec(asked.headers.get('location') ?? '')![1]
    const answer = await post(
      `/api/workspace/consultations/${consultation}/reply?tenant=sakura-city`,
      await signIn('nursea@example.jp'),
      { text: '少しずつ水分をとってください。明日お電話します。' },
    )
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({ ok: true, message: { consultation } })
    const reply = (await outbox()).find((page) => page.includes('少しずつ水分をとってください。'))
    expect(reply).toContain(maskAddress('email', address))
  })
})
