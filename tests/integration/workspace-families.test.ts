import { handleEndpoints } from 'payload'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FamiliesPanel } from '../../cms/workspace/families/FamiliesPanel'
import { familiesScreen } from '../../cms/workspace/families/screen'
import { familiesList } from '../../shared/contract'
import { executeLocalD1 } from '../support/local-d1'
import { tokyoDate } from '../support/resident-browser'
import { type StaffPerson, staffPassword, startWorkspace, type Workspace } from './support/workspace'

// The families list as a nurse of さくら市 uses it: the CMS's view and endpoints on real Postgres,
// the Worker in workerd with residents registered through its own pages.
let ws: Workspace
const tokens: Partial<Record<StaffPerson, string>> = {}
const sakuraNames = ['はるか', 'あおい', 'ひなた']
const sakuraAddresses: string[] = []

async function register(tenant: string, nickname: string, address: string, ip: string) {
  const form = (fields: Record<string, string>) => ({
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: ws.worker.url,
      'cf-connecting-ip': ip,
    },
    body: new URLSearchParams(fields),
    redirect: 'manual' as const,
  })
  const sent = await fetch(
    `${ws.worker.url}/t/${tenant}`,
    form({
      nickname,
      audience: 'primary',
      stage: 'due',
      date: tokyoDate(90),
      language: 'ja',
      channel: 'email',
      address,
      consent: 'yes',
      noticeVersion: '2026-04',
    }),
  )
  if (sent.status !== 303) throw new Error(`registration answered ${sent.status}`)
  const rows = (await executeLocalD1(
    ws.worker.persistTo,
    `SELECT text FROM outbox WHERE recipient = '${address}'`,
  )) as { text: string }[]
  const confirm = rows[0]?.text.match(/http:\/\/\S+\/c\/[A-Za-z0-9_-]+/)?.[0]
  if (!confirm) throw new Error('no confirmation link')
  await fetch(confirm, form({}))
}

/** A request through Payload's real HTTP handler, signed in as `who`. */
async function call(who: StaffPerson, method: string, path: string, body?: unknown) {
  const headers = new Headers({ 'content-type': 'application/json' })
  headers.set('authorization', `JWT ${tokens[who]}`)
  const request = new Request(`http://localhost${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const response = await handleEndpoints({ config: ws.cms.config, request })
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    text: await response.text(),
  }
}

const listOf = async (who: StaffPerson, query: string) => {
  const answer = await call(who, 'GET', `/api/workspace/families?${query}`)
  expect(answer.status).toBe(200)
  return familiesList.parse(JSON.parse(answer.text))
}

const rendered = async (who: StaffPerson, params: Record<string, string>) => {
  const answer = await familiesScreen(ws.payload, ws.users[who], params, ws.target)
  if (!answer.ok) return { ok: false as const, reason: answer.reason }
  return {
    ok: true as const,
    html: renderToStaticMarkup(
      createElement(FamiliesPanel, { screen: answer.screen, adminRoute: '/admin', apiRoute: '/api' }),
    ),
  }
}

beforeAll(async () => {
  ws = await startWorkspace()
  // The CMS's endpoints reach the Worker as configured in the environment.
  process.env.YORISOI_EDGE_URL = ws.worker.url
  process.env.YORISOI_STAFF_API_PRIVATE_KEY = ws.target.privateKey
  for (const [i, name] of sakuraNames.entries()) {
    const address = `family-${i}-${Date.now()}@example.jp`
    sakuraAddresses.push(address)
    await register('sakura-city', name, address, `198.51.100.${10 + i}`)
  }
  // みなと町 sends by LINE only: its resident is written into its shard as a linked LINE user would be.
  await executeLocalD1(
    ws.worker.persistTo,
    `INSERT INTO subscribers (id, tenant_slug, nickname, audience, language, channel, address, state, created_at, updated_at)
       VALUES ('mn-umi', 'minato-town', 'うみ', 'primary', 'ja', 'line', 'Uumi0001', 'active', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z');
     INSERT INTO timelines (id, tenant_slug, due_date, created_at, updated_at)
       VALUES ('t-mn-umi', 'minato-town', '${tokyoDate(90)}', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z');
     INSERT INTO timeline_members (timeline_id, subscriber_id) VALUES ('t-mn-umi', 'mn-umi');`,
    'SHARD_2',
  )
  for (const who of ['nurseA', 'nurse2A', 'nurseB', 'admin', 'privacyA', 'deskA'] as const) {
    const login = await handleEndpoints({
      config: ws.cms.config,
      request: new Request('http://localhost/api/users/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: `${who.toLowerCase()}@example.jp`, password: staffPassword }),
      }),
    })
    tokens[who] = String(((await login.json()) as { token: string }).token)
  }
})
afterAll(async () => {
  await ws?.stop()
})

describe('the families list in the CMS', () => {
  it("shows a nurse her town's families with masked addresses, her town's nurses and the CSV export", async () => {
    const view = await rendered('nurseA', {})
    if (!view.ok) throw new Error(view.reason)
    for (const name of sakuraNames) expect(view.html).toContain(name)
    expect(view.html).not.toContain('うみ')
    for (const address of sakuraAddresses) expect(view.html).not.toContain(address)
    expect(view.html).toContain('f***@example.jp')
    expect(view.html).toMatch(/href="\/admin\/family\/[^"?]+\?tenant=sakura-city"/)
    expect(view.html).toContain('保健師 さとう')
    expect(view.html).toContain('保健師 たなか')
    expect(view.html).not.toContain('保健師 やまだ')
    expect(view.html).toContain('action="/api/workspace/families/export"')
    expect(view.html).toContain('未割り当て / Unassigned</a>: 3世帯')
  })

  it('assigns two families at once to another nurse of the town, shown in the list and the load', async () => {
    const { families } = await listOf('nurseA', 'tenant=sakura-city')
    const two = families.slice(0, 2).map((f) => f.household)
    const assigned = await call('nurseA', 'POST', '/api/workspace/families/assign', {
      tenant: 'sakura-city',
      households: two,
      nurse: String(ws.users.nurse2A.id),
    })
    expect([assigned.status, JSON.parse(assigned.text)]).toEqual([200, { assigned: 2, changed: 2 }])
    const mine = await listOf('nurse2A', 'tenant=sakura-city&nurse=me')
    expect(mine.families.map((f) => [f.household, f.nurse?.name])).toEqual(
      two.map((h) => [h, '保健師 たなか']),
    )
    const view = await rendered('nurseA', { tenant: 'sakura-city' })
    if (!view.ok) throw new Error(view.reason)
    expect(view.html).toContain('保健師 たなか</a>: 2世帯')
    expect(view.html).toContain('未割り当て / Unassigned</a>: 1世帯')
    const filtered = await rendered('nurse2A', { tenant: 'sakura-city', nurse: 'me' })
    if (!filtered.ok) throw new Error(filtered.reason)
    expect(filtered.html.match(/data-household=/g)).toHaveLength(2)
  })

  it("refuses another town's nurse as the assignee, and assigns nothing", async () => {
    const { families } = await listOf('deskA', 'tenant=sakura-city&nurse=none')
    const answer = await call('deskA', 'POST', '/api/workspace/families/assign', {
      tenant: 'sakura-city',
      households: families.map((f) => f.household),
      nurse: String(ws.users.nurseB.id),
    })
    expect(answer.status).toBe(400)
    expect(answer.text).toContain(' / ')
    expect((await listOf('deskA', 'tenant=sakura-city&nurse=none')).families).toHaveLength(1)
  })

  it('exports the CSV only with a reason', async () => {
    const without = await call('nurseA', 'GET', '/api/workspace/families/export?tenant=sakura-city')
    expect(without.status).toBe(400)
    expect(without.text).toContain('書き出しの理由を選んでください')
    const csv = await call(
      'nurseA',
      'GET',
      '/api/workspace/families/export?tenant=sakura-city&reason=routine',
    )
    expect(csv.status).toBe(200)
    expect(csv.type).toContain('text/csv')
    expect(csv.text).toContain('世帯ID,ニックネーム,段階')
    for (const name of sakuraNames) expect(csv.text).toContain(name)
    for (const address of sakuraAddresses) expect(csv.text).not.toContain(address)
  })
})

describe('who sees none of it', () => {
  it("shows minato-town's staff none of sakura-city's families by any route", async () => {
    const own = await listOf('nurseB', 'tenant=minato-town')
    expect(own.families.map((f) => f.members[0]?.nickname)).toEqual(['うみ'])
    const answers = [
      await call('nurseB', 'GET', '/api/workspace/families?tenant=sakura-city'),
      await call('nurseB', 'GET', '/api/workspace/families/export?tenant=sakura-city&reason=routine'),
      await call('nurseB', 'POST', '/api/workspace/families/assign', {
        tenant: 'sakura-city',
        households: ['anything'],
        nurse: String(ws.users.nurseB.id),
      }),
    ]
    expect(answers.map((a) => a.status)).toEqual([403, 403, 403])
    const view = await rendered('nurseB', { tenant: 'sakura-city' })
    expect(view.ok).toBe(false)
    const text = JSON.stringify([answers, view, await rendered('nurseB', {})])
    for (const name of sakuraNames) expect(text).not.toContain(name)
  })

  it('shows the admin and the privacy officer no family at all', async () => {
    for (const who of ['admin', 'privacyA'] as const) {
      const answers = [
        await call(who, 'GET', '/api/workspace/families?tenant=sakura-city'),
        await call(who, 'GET', '/api/workspace/families/export?tenant=sakura-city&reason=routine'),
        await call(who, 'POST', '/api/workspace/families/assign', {
          tenant: 'sakura-city',
          households: ['anything'],
          nurse: String(ws.users.nurseA.id),
        }),
      ]
      expect(answers.map((a) => a.status)).toEqual([403, 403, 403])
      const view = await rendered(who, { tenant: 'sakura-city' })
      expect(view.ok).toBe(false)
      const text = JSON.stringify([answers, view])
      for (const name of sakuraNames) expect(text).not.toContain(name)
    }
  })
})
