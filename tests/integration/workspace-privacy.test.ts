import type { AdminViewServerProps, Endpoint, Payload } from 'payload'
import type pg from 'pg'
import type { ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { hasRole } from '../../cms/plugin/roles'
import { CounterRegistrationView } from '../../cms/workspace/counter/CounterRegistrationView'
import { StaffNotices } from '../../cms/workspace/notices/StaffNotices'
import { AccessLogView } from '../../cms/workspace/privacy/AccessLogView'
import { askStaffApi } from '../../cms/workspace/staff-api'
import type { AccessLogPage } from '../../shared/contract'
import { executeLocalD1 } from '../support/local-d1'
import { type StaffUser, startWorkspace, type Workspace } from './support/workspace'

// The admin's chrome needs Next's request context; the frame's role check is what matters here.
vi.mock('../../cms/plugin/views/ViewFrame', () => ({
  ViewFrame: ({
    children,
    roles,
    props,
  }: {
    children: ReactNode
    roles: string[]
    props: AdminViewServerProps
  }) =>
    hasRole(props.initPageResult.req.user, ...(roles as Parameters<typeof hasRole>[1][]))
      ? children
      : 'この画面を見る権限がありません / You may not see this view',
}))

let ws: Workspace
const nickname = 'まどぐちさん'
const address = 'counter-resident@example.jp'

beforeAll(async () => {
  ws = await startWorkspace()
  // The staff API's signing key, as the CMS reads it from its environment.
  process.env.YORISOI_STAFF_API_PRIVATE_KEY = ws.target.privateKey
  process.env.YORISOI_EDGE_URL = ws.worker.url
})
afterAll(async () => {
  delete process.env.YORISOI_INGEST_TOKEN
  await ws?.stop()
})

/** A workspace endpoint as Payload calls it, for this user. */
async function callEndpoint(
  path: string,
  user: StaffUser,
  init: { method?: string; query?: string; body?: unknown } = {},
) {
  const endpoint = (ws.payload.config.endpoints as Endpoint[]).find((e) => e.path === `/workspace${path}`)
  if (!endpoint) throw new Error(`no endpoint ${path}`)
  const url = new URL(`http://cms.test/api/workspace${path}${init.query ? `?${init.query}` : ''}`)
  const request = new Request(url, {
    method: init.method ?? 'GET',
    ...(init.body === undefined
      ? {}
      : { body: JSON.stringify(init.body), headers: { 'content-type': 'application/json' } }),
  })
  const req = Object.assign(request, { payload: ws.payload, user, searchParams: url.searchParams })
  return endpoint.handler(req as never)
}

function viewProps(user: StaffUser, searchParams: Record<string, string> = {}) {
  return {
    initPageResult: { req: { payload: ws.payload, user } },
    searchParams,
  } as unknown as AdminViewServerProps
}

const outbox = (recipient: string) =>
  executeLocalD1(
    ws.worker.persistTo,
    `SELECT subject, text FROM outbox WHERE recipient = '${recipient}' ORDER BY created_at`,
  ) as Promise<{ subject: string | null; text: string }[]>

/** Every text cell of every Postgres table that holds `needle`. */
async function postgresHolding(payload: Payload, needle: string): Promise<string[]> {
  const pool = (payload.db as unknown as { pool: pg.Pool }).pool
  const columns = await pool.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb')`,
  )
  const found: string[] = []
  for (const { table_name: table, column_name: column } of columns.rows) {
    const hit = await pool.query(`SELECT 1 FROM "${table}" WHERE "${column}"::text LIKE $1 LIMIT 1`, [
      `%${needle}%`,
    ])
    if (hit.rowCount) found.push(`${table}.${column}`)
  }
  return found
}

let household = ''

describe('counter registration, a loss notice and a disclosure, through the CMS against the real Worker', () => {
  it("shows the counter's form to the desk, and starts a registration the resident confirms on their phone", async () => {
    const page = renderToStaticMarkup(await CounterRegistrationView(viewProps(ws.users.deskA)))
    expect(page).toContain('さくら市')
    expect(page).toContain('同意はご本人がご自身のスマートフォンで行います')

    const started = await callEndpoint('/registrations', ws.users.deskA, {
      method: 'POST',
      query: 'tenant=sakura-city',
      body: {
        nickname,
        audience: 'primary',
        language: 'ja',
        channel: 'email',
        address,
        stage: 'due',
        date: dueDate(),
      },
    })
    expect(await started.json()).toEqual({ ok: true, outcome: 'sent', channel: 'email' })

    const [mail] = await outbox(address)
    const confirmUrl = /http\S+\/c\/\S+/.exec(mail?.text ?? '')?.[0] ?? ''
    expect(await (await fetch(confirmUrl)).text()).toContain('同意して登録を確定する')
    const confirmed = await fetch(confirmUrl, {
      method: 'POST',
      headers: { origin: ws.worker.url, 'content-type': 'application/x-www-form-urlencoded' },
      redirect: 'manual',
    })
    expect(confirmed.status).toBe(303)
    const manage = new URL(confirmed.headers.get('location') ?? '', ws.worker.url)

    // The family tells us of a loss on their manage page.
    const manageHtml = await (await fetch(manage)).text()
    household = /\/loss\?timeline=([0-9a-f-]{36})/.exec(manageHtml)?.[1] ?? ''
    expect(household).not.toBe('')
    const reported = await fetch(`${ws.worker.url}${manage.pathname}/loss`, {
      method: 'POST',
      headers: { origin: ws.worker.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ timeline: household, date: '', messages: 'support' }),
    })
    expect(reported.status).toBe(200)
  })

  it("tells the desk by an email that says nothing of the loss, and shows the loss on the town's dashboard", async () => {
    const [notice] = await outbox('kosodate@sakura.example.jp')
    expect(notice?.subject).toBe('寄り添い: ご確認ください / yorisoi: please check the workspace')
    expect(notice?.text).not.toContain(nickname)

    const shown = renderToStaticMarkup(
      (await StaffNotices({ payload: ws.payload, user: ws.users.nurseA as never }))!,
    )
    expect(shown).toContain(`/admin/family/${household}?tenant=sakura-city`)
    expect(shown).toContain('担当の保健師なし')
    expect(shown).not.toContain(nickname)
    expect(await StaffNotices({ payload: ws.payload, user: ws.users.nurseB as never })).toBeNull()
    expect(await StaffNotices({ payload: ws.payload, user: ws.users.privacyA as never })).toBeNull()
    expect(await StaffNotices({ payload: ws.payload, user: ws.users.admin as never })).toBeNull()
  })

  it("shows the privacy officer the town's log, the disclosure as a page, and gives the JSON and the CSV", async () => {
    const logPage = renderToStaticMarkup(await AccessLogView(viewProps(ws.users.privacyA)))
    expect(logPage).toContain('data-action="start-registration"')
    expect(logPage).toContain('窓口での登録 / Counter registration')
    expect(logPage).toContain('/api/workspace/access-log/export?tenant=sakura-city')

    const disclosed = renderToStaticMarkup(
      await AccessLogView(viewProps(ws.users.privacyA, { tenant: 'sakura-city', household })),
    )
    expect(disclosed).toContain(nickname)
    expect(disclosed).toContain(address)
    expect(disclosed).toContain('同意の記録 / Consent')
    expect(disclosed).toContain(`/api/workspace/disclosure?tenant=sakura-city&amp;household=${household}`)

    const json = await callEndpoint('/disclosure', ws.users.privacyA, {
      query: `tenant=sakura-city&household=${household}`,
    })
    expect(json.headers.get('content-disposition')).toMatch(/^attachment; filename="disclosure-sakura-city-/)
    const body = (await json.json()) as { tables: Record<string, Record<string, unknown>[]> }
    expect(body.tables.subscribers?.[0]).toMatchObject({ nickname, address, state: 'active' })
    expect(body.tables.consents?.[0]).toMatchObject({ method: 'counter-confirm/email' })

    const csv = await callEndpoint('/access-log/export', ws.users.privacyA, { query: 'tenant=sakura-city' })
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/)
    const text = await csv.text()
    expect(text).toContain('export-disclosure')
    expect(text).not.toContain(nickname)
  })

  it('keeps nothing of the resident in Postgres', async () => {
    expect(await postgresHolding(ws.payload, nickname)).toEqual([])
    expect(await postgresHolding(ws.payload, address)).toEqual([])
  })
})

describe('who may', () => {
  it('refuses the disclosure and the export to nurses and desk, and registration to the privacy officer', async () => {
    for (const user of [ws.users.nurseA, ws.users.deskA]) {
      expect(
        (await callEndpoint('/disclosure', user, { query: `tenant=sakura-city&household=${household}` }))
          .status,
      ).toBe(403)
      expect((await callEndpoint('/access-log/export', user, { query: 'tenant=sakura-city' })).status).toBe(
        403,
      )
    }
    const officer = await callEndpoint('/registrations', ws.users.privacyA, {
      method: 'POST',
      query: 'tenant=sakura-city',
      body: {
        nickname: 'x',
        audience: 'primary',
        language: 'ja',
        channel: 'email',
        address: 'x@example.jp',
        stage: 'due',
        date: dueDate(),
      },
    })
    expect(officer.status).toBe(403)
    expect(renderToStaticMarkup(await AccessLogView(viewProps(ws.users.nurseA)))).toContain(
      'この画面を見る権限がありません',
    )
  })

  it("lets another town's privacy officer see nothing of sakura-city", async () => {
    const other = await ws.payload.create({
      collection: 'users',
      data: {
        email: 'privacyb@example.jp',
        password: 'correct-horse-battery-staple',
        roles: ['privacy-officer'],
        tenants: [{ tenant: ws.towns.b.id }],
      },
    })
    const user = { ...(other as unknown as StaffUser), collection: 'users' }
    const crossed = await callEndpoint('/disclosure', user, {
      query: `tenant=sakura-city&household=${household}`,
    })
    expect(crossed.status).toBe(403)
    expect(await crossed.text()).not.toContain(nickname)
    const page = renderToStaticMarkup(
      await AccessLogView(viewProps(user, { tenant: 'sakura-city', household })),
    )
    expect(page).not.toContain(nickname)
  })

  it('gives the admin no household: no view, no endpoint, no staff API call', async () => {
    const admin = ws.users.admin
    expect(renderToStaticMarkup(await AccessLogView(viewProps(admin, { household })))).toBe(
      'この画面を見る権限がありません / You may not see this view',
    )
    expect(renderToStaticMarkup(await CounterRegistrationView(viewProps(admin)))).toContain(
      'この画面を見る権限がありません',
    )
    expect(
      (await callEndpoint('/disclosure', admin, { query: `tenant=sakura-city&household=${household}` }))
        .status,
    ).toBe(403)
    expect((await callEndpoint('/access-log/export', admin, { query: 'tenant=sakura-city' })).status).toBe(
      403,
    )
    for (const role of ['nurse', 'desk', 'privacy-officer'] as const) {
      const asked = await askStaffApi(
        ws.payload,
        admin,
        { role, tenant: 'sakura-city', path: '/disclosure', query: { household } },
        ws.target,
      )
      expect(asked.ok ? 200 : asked.status).toBe(403)
    }
  })
})

describe("a change of someone's roles or towns", () => {
  const log = async () => {
    const page = await askStaffApi<AccessLogPage>(
      ws.payload,
      ws.users.privacyA,
      { role: 'privacy-officer', tenant: 'sakura-city', path: '/access-log', query: { limit: 200 } },
      ws.target,
    )
    if (!page.ok) throw new Error(page.reason)
    return page.data.entries.filter((e) => e.action === 'role-change')
  }

  it("is written to the town's access log, as the admin who made it", async () => {
    process.env.YORISOI_INGEST_TOKEN = ws.ingestToken
    const before = (await log()).length
    await ws.payload.update({
      collection: 'users',
      id: ws.users.nurse2A.id,
      data: { roles: ['municipal-staff', 'desk'] },
      user: ws.users.admin,
      overrideAccess: false,
    })
    const rows = await log()
    expect(rows.length).toBe(before + 1)
    expect(rows[0]).toMatchObject({
      staffUser: String(ws.users.admin.id),
      role: 'admin',
      household: null,
      filter: `user=${ws.users.nurse2A.id}&from=municipal-staff,nurse&to=desk,municipal-staff&town=kept`,
    })
  })

  it("writes a new staff member's joining and a deletion's leaving", async () => {
    process.env.YORISOI_INGEST_TOKEN = ws.ingestToken
    const made = await ws.payload.create({
      collection: 'users',
      data: {
        email: 'desk-temp@example.jp',
        password: 'correct-horse-battery-staple',
        roles: ['desk'],
        tenants: [{ tenant: ws.towns.a.id }],
      },
      user: ws.users.admin,
      overrideAccess: false,
    })
    await ws.payload.delete({ collection: 'users', id: made.id, user: ws.users.admin, overrideAccess: false })
    expect((await log()).slice(0, 2).map((e) => e.filter)).toEqual([
      `user=${made.id}&from=desk&to=-&town=left`,
      `user=${made.id}&from=-&to=desk&town=joined`,
    ])
  })

  it('is refused, and not saved, when the edge cannot write it', async () => {
    process.env.YORISOI_INGEST_TOKEN = 'not-the-token'
    const before = (await log()).length
    await expect(
      ws.payload.update({
        collection: 'users',
        id: ws.users.nurseA.id,
        data: { roles: ['municipal-staff', 'privacy-officer'] },
        user: ws.users.admin,
        overrideAccess: false,
      }),
    ).rejects.toThrow(/役割の変更をアクセス記録に書けませんでした/)
    const kept = await ws.payload.findByID({ collection: 'users', id: ws.users.nurseA.id, depth: 0 })
    expect((kept as unknown as { roles: string[] }).roles.sort()).toEqual(['municipal-staff', 'nurse'])
    expect((await log()).length).toBe(before)
  })
})

function dueDate() {
  return new Date(Date.now() + 150 * 86_400_000).toISOString().slice(0, 10)
}
