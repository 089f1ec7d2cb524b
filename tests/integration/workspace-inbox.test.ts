import type { AdminViewServerProps } from 'payload'
import type { ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { InboxView } from '../../cms/workspace/inbox/InboxView'
import { askStaffApi } from '../../cms/workspace/staff-api'
import { localDate } from '../../shared/calendar'
import {
  type AccessLogPage,
  chunkPart,
  contractVersion,
  prepareSnapshot,
  type TenantPart,
} from '../../shared/contract'
import { fixtureNationalPart, fixtureTenantParts } from '../../shared/contract/fixture'
import { rest } from '../cms/support/rest'
import { executeInTown } from '../support/local-d1'
import { type StaffPerson, staffPassword, startWorkspace, type Workspace } from './support/workspace'

// The admin's inbox against the real Worker in workerd: consultations of さくら市 (a Nepali LINE
// text, urgent; an interview request; a form) are read at request time, worked through the CMS's
// endpoints, and logged at the edge; みなと町's nurse sees none of them.

vi.mock('../../cms/plugin/views/ViewFrame', () => ({
  ViewFrame: ({ children }: { children: ReactNode }) => children,
}))

let ws: Workspace
const tokens: Partial<Record<StaffPerson, string>> = {}
const interpreter = '通訳 0120-333-444（平日 9時〜17時）'
const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString()

/** さくら市 with its interpreter line, published as the CMS does (chunks, then the manifest). */
async function publishWithInterpreter() {
  const [sakura, minato] = fixtureTenantParts as [TenantPart, TenantPart]
  const withLine: TenantPart = {
    ...sakura,
    tenant: { ...sakura.tenant, workspace: { ...sakura.tenant.workspace, interpreterLine: interpreter } },
  }
  const snapshot = await prepareSnapshot({
    id: 'inbox-0002',
    createdAt: new Date().toISOString(),
    parts: [fixtureNationalPart, withLine, minato],
  })
  const headers = { authorization: `Bearer ${ws.ingestToken}`, 'content-type': 'application/json' }
  for (const part of snapshot.parts)
    for (const chunk of await chunkPart(part)) {
      const r = await fetch(`${ws.worker.url}/ingest/chunks`, {
        method: 'POST',
        headers,
        body: JSON.stringify(chunk),
      })
      expect(r.ok, await r.text()).toBe(true)
    }
  const r = await fetch(`${ws.worker.url}/ingest/manifests`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ contractVersion, manifest: snapshot.manifest, activate: true }),
  })
  expect(r.ok, await r.text()).toBe(true)
}

const resident = (id: string, tenant: string, language: string) => `
  INSERT INTO subscribers (id, tenant_slug, nickname, audience, language, channel, address, state, created_at, updated_at)
    VALUES ('${id}', '${tenant}', 'ニマ${id.slice(-1)}', 'primary', '${language}', 'line', 'U${id}', 'active', '${at(600)}', '${at(600)}');
  INSERT INTO timelines (id, tenant_slug, due_date, created_at, updated_at) VALUES ('t-${id}', '${tenant}', '2027-04-01', '${at(600)}', '${at(600)}');
  INSERT INTO timeline_members (timeline_id, subscriber_id) VALUES ('t-${id}', '${id}');`

/** A consultation row as the Worker writes it, `minutesAgo` old. */
const consultation = (
  id: string,
  who: string,
  tenant: string,
  minutesAgo: number,
  fields: Record<string, string | number>,
) => {
  const row = {
    category: 'other',
    contact_by: 'registered',
    urgent: 0,
    source: 'form',
    language: 'ja',
    ...fields,
  }
  const values = Object.values(row).map((v) => (typeof v === 'number' ? v : `'${v}'`))
  return `INSERT INTO consultations (id, subscriber_id, tenant_slug, created_at, ${Object.keys(row).join(', ')})
    VALUES ('${id}', '${who}', '${tenant}', '${at(minutesAgo)}', ${values.join(', ')});`
}

async function seed() {
  const sakura = [
    resident('in-sk-1', 'sakura-city', 'ne'),
    resident('in-sk-2', 'sakura-city', 'ja'),
    consultation('c-urgent', 'in-sk-1', 'sakura-city', 30, {
      text: 'रगत धेरै बगिरहेको छ (bleeding)',
      urgent: 1,
      source: 'line',
      language: 'ne',
    }),
    consultation('c-form', 'in-sk-2', 'sakura-city', 20, {
      text: '離乳食の進め方を相談したいです',
      category: 'baby',
    }),
    consultation('c-interview', 'in-sk-2', 'sakura-city', 10, {
      text: '平日の午前',
      source: 'interview',
      contact_by: 'none',
    }),
  ].join('\n')
  await executeInTown(ws.worker.persistTo, 'sakura-city', sakura)
  await executeInTown(
    ws.worker.persistTo,
    'minato-town',
    [
      resident('in-mn-1', 'minato-town', 'ja'),
      consultation('c-minato', 'in-mn-1', 'minato-town', 10, { text: 'みなと町の相談です' }),
    ].join('\n'),
  )
}

const view = async (who: StaffPerson, searchParams: Record<string, string> = {}) => {
  const element = await InboxView({
    initPageResult: { req: { payload: ws.payload, user: { ...ws.users[who], collection: 'users' } } },
    searchParams,
  } as unknown as AdminViewServerProps)
  return renderToStaticMarkup(element)
}

const call = async (who: StaffPerson, method: string, path: string, body?: unknown) =>
  rest(ws.cms.config, method, `/api/workspace${path}`, { token: tokens[who], body })

beforeAll(async () => {
  ws = await startWorkspace()
  // The CMS's endpoints and views reach this Worker with the test key, as npm start sets it.
  process.env.YORISOI_EDGE_URL = ws.target.url
  process.env.YORISOI_STAFF_API_PRIVATE_KEY = ws.target.privateKey
  await publishWithInterpreter()
  await seed()
  for (const who of ['nurseA', 'deskA', 'nurseB', 'admin', 'privacyA'] as const) {
    const login = await rest(ws.cms.config, 'POST', '/api/users/login', {
      body: { email: String(ws.users[who].email), password: staffPassword },
    })
    tokens[who] = String(login.body.token)
  }
})
afterAll(async () => {
  await ws?.stop()
})

describe('the inbox view', () => {
  it("shows a nurse her town's consultations, the urgent one first and marked, with the interpreter line beside the Nepali one", async () => {
    const html = await view('nurseA')
    const order = ['c-urgent', 'c-interview', 'c-form'].map((id) => html.indexOf(`data-consultation="${id}"`))
    expect(order.every((i) => i >= 0)).toBe(true)
    expect(order[0]).toBeLessThan(order[1]!)
    const urgent = html.slice(order[0], order[1])
    expect(urgent).toContain('至急 / Urgent')
    expect(urgent).toContain('言語 / Language: ne')
    expect(urgent).toContain(interpreter)
    expect(html.slice(order[2])).not.toContain('通訳 / Interpreter')
    expect(html).toContain('面談済みにする / Mark interview done')
    expect(html).toContain('返信を送る / Send reply')
    expect(html).not.toContain('みなと町の相談です')
  })

  it("shows みなと町's nurse only her town, and the admin nothing", async () => {
    const html = await view('nurseB')
    expect(html).toContain('みなと町の相談です')
    expect(html).not.toContain('離乳食')
    // Asking for another town in the address falls back to her own.
    expect(await view('nurseB', { tenant: 'sakura-city' })).not.toContain('離乳食')
    const admin = await view('admin')
    expect(admin).toContain('担当の自治体がありません / You act for no town in the inbox')
    expect(admin).not.toContain('離乳食')
  })

  it('filters by source', async () => {
    const html = await view('deskA', { source: 'interview' })
    expect(html).toContain('data-consultation="c-interview"')
    expect(html).not.toContain('data-consultation="c-form"')
  })
})

describe('the inbox endpoints', () => {
  it('take a consultation in progress for a nurse; the view shows her as its assignee', async () => {
    const taken = await call('deskA', 'POST', '/consultations/c-form?tenant=sakura-city', {
      status: 'in-progress',
      assignee: String(ws.users.nurseA.id),
    })
    expect(taken.status, JSON.stringify(taken.body)).toBe(200)
    expect(taken.body).toMatchObject({ ok: true, consultation: { status: 'in-progress' } })
    const mine = await call(
      'nurseA',
      'GET',
      `/consultations?tenant=sakura-city&assignee=${ws.users.nurseA.id}`,
    )
    expect((mine.body.consultations as { id: string }[]).map((c) => c.id)).toEqual(['c-form'])
    const html = await view('nurseA', { assignee: String(ws.users.nurseA.id) })
    expect(html).toContain('状態 / Status: 対応中 / In progress')
    expect(html).toContain('担当 / Assignee: nurseA')
  })

  it('mark an interview done with its date, which closes the request', async () => {
    const today = localDate(new Date(), 'Asia/Tokyo')
    const done = await call('nurseA', 'POST', '/consultations/c-interview/interview?tenant=sakura-city', {
      doneOn: today,
    })
    expect(done.status, JSON.stringify(done.body)).toBe(200)
    expect(done.body).toMatchObject({ ok: true, consultation: { status: 'closed', interviewDoneOn: today } })
    expect(await view('nurseA', { source: 'interview' })).toContain(`面談済み / Interview held: ${today}`)
  })

  it('refuse another town, the admin, the privacy officer and bad input, with a bilingual reason', async () => {
    const other = await call('nurseB', 'POST', '/consultations/c-form?tenant=sakura-city', {
      status: 'closed',
    })
    expect(other.status).toBe(403)
    expect(String(other.body.reason)).toContain('担当外の自治体です')
    expect((await call('admin', 'GET', '/consultations?tenant=sakura-city')).status).toBe(403)
    expect((await call('privacyA', 'GET', '/consultations?tenant=sakura-city')).status).toBe(403)
    const bad = await call('nurseA', 'POST', '/consultations/c-form?tenant=sakura-city', { status: 'done' })
    expect(bad.status).toBe(400)
    const date = await call('nurseA', 'POST', '/consultations/c-form/interview?tenant=sakura-city', {
      doneOn: '2026-13-40',
    })
    expect(date.status).toBe(400)
    expect(String(date.body.reason)).toContain(' / ')
    // Under one's own town, the other town's consultation is not there.
    const crossed = await call('nurseA', 'POST', '/consultations/c-minato?tenant=sakura-city', {
      status: 'closed',
    })
    expect(crossed.status).toBe(404)
  })

  it("wrote each list and action to the town's access log, with no text of any consultation", async () => {
    const log = await askStaffApi<AccessLogPage>(
      ws.payload,
      ws.users.privacyA,
      { role: 'privacy-officer', tenant: 'sakura-city', path: '/access-log', query: { limit: 200 } },
      ws.target,
    )
    if (!log.ok) throw new Error(log.reason)
    const actions = log.data.entries.map((e) => `${e.staffUser}:${e.action}`)
    expect(actions).toContain(`${ws.users.nurseA.id}:list-consultations`)
    expect(actions).toContain(`${ws.users.deskA.id}:update-consultation`)
    expect(actions).toContain(`${ws.users.nurseA.id}:mark-interview`)
    expect(JSON.stringify(log.data)).not.toMatch(/離乳食|平日の午前|bleeding/)
  })
})
