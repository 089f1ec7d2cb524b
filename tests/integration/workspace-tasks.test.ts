import type { AdminViewServerProps, Endpoint } from 'payload'
import type { ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { FamilyView } from '../../cms/workspace/family/FamilyView'
import { askStaffApi } from '../../cms/workspace/staff-api'
import { addDays, localDate } from '../../shared/calendar'
import { type AccessLogPage, prepareSnapshot, type TenantPart } from '../../shared/contract'
import { fixtureNationalPart, fixtureTenantParts } from '../../shared/contract/fixture'
import { aTask } from '../edge/support/tasks'
import { executeInTown } from '../support/local-d1'
import { publishSnapshot } from '../support/publish-fixture'
import { type StaffPerson, type StaffUser, startWorkspace, type Workspace } from './support/workspace'

// The family page's tasks panel: each member's tasks read from the Worker, 「記録する」 through the
// workspace endpoint and the signed staff API.

vi.mock('../../cms/plugin/views/ViewFrame', () => ({
  ViewFrame: ({ children }: { children: ReactNode }) => children,
}))

let ws: Workspace
const saved = { ...process.env }
const today = localDate(new Date(), 'Asia/Tokyo')
const at = new Date().toISOString()

/** The fixture with さくら市's two tasks, published through the ingest API as the CMS does. */
async function publishWithTasks(url: string, token: string) {
  const [sakura, ...others] = fixtureTenantParts as [TenantPart, ...TenantPart[]]
  const snapshot = await prepareSnapshot({
    id: 'workspace-tasks-0001',
    createdAt: '2026-11-22T00:00:00.000Z',
    parts: [
      fixtureNationalPart,
      { ...sakura, tasks: [aTask('shussei'), aTask('kenshin', { doneBy: 'staff' })] },
      ...others,
    ],
  })
  await publishSnapshot(url, token, snapshot)
}

beforeAll(async () => {
  ws = await startWorkspace()
  process.env.YORISOI_EDGE_URL = ws.target.url
  process.env.YORISOI_STAFF_API_PRIVATE_KEY = ws.target.privateKey
  await publishWithTasks(ws.target.url, ws.ingestToken)
  await executeInTown(
    ws.worker.persistTo,
    'sakura-city',
    `INSERT INTO subscribers (id, tenant_slug, nickname, audience, language, channel, address, state, created_at, updated_at)
       VALUES ('s-ichi', 'sakura-city', 'いちご', 'primary', 'ja', 'email', 'ichigo@example.jp', 'active', '${at}', '${at}');
     INSERT INTO timelines (id, tenant_slug, due_date, created_at, updated_at)
       VALUES ('t-ichi', 'sakura-city', '${addDays(today, 84)}', '${at}', '${at}');
     INSERT INTO timeline_members (timeline_id, subscriber_id) VALUES ('t-ichi', 's-ichi');
     INSERT INTO deliveries (id, subscriber_id, tenant_slug, local_date, kind, channel, idempotency_key, state, created_at, updated_at)
       VALUES ('d-ichi', 's-ichi', 'sakura-city', '${today}', 'program', 'email', 'd-ichi', 'sent', '${at}', '${at}');
     INSERT INTO task_offers (delivery_id, subscriber_id, tenant_slug, task_id, task_version, reminder, local_date, created_at)
       VALUES ('d-ichi', 's-ichi', 'sakura-city', 'kenshin', 1, 0, '${today}', '${at}');`,
  )
}, 240_000)
afterAll(async () => {
  process.env = saved
  await ws?.stop()
})

const page = async (who: StaffPerson) =>
  renderToStaticMarkup(
    await FamilyView({
      initPageResult: { req: { payload: ws.payload, user: { ...ws.users[who], collection: 'users' } } },
      params: { segments: ['family', 't-ichi'] },
      searchParams: { tenant: 'sakura-city' },
    } as unknown as AdminViewServerProps),
  )

/** The workspace endpoint as Payload calls it, for this user. */
async function record(user: StaffUser, body: unknown) {
  const path = '/workspace/families/:household/tasks/done'
  const endpoint = (ws.payload.config.endpoints as Endpoint[]).find((e) => e.path === path)
  if (!endpoint) throw new Error(`no endpoint ${path}`)
  const url = new URL('http://cms.test/api/workspace/families/t-ichi/tasks/done?tenant=sakura-city')
  const request = new Request(url, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  })
  const req = Object.assign(request, {
    payload: ws.payload,
    user: { ...user, collection: 'users' },
    searchParams: url.searchParams,
    routeParams: { household: 't-ichi' },
  })
  return endpoint.handler(req as never)
}

describe('the tasks panel on the family page', () => {
  it("lists a member's tasks with 「記録する」, records one done through the staff API, then shows it done", async () => {
    const before = await page('nurseA')
    expect(before).toContain('やること / Tasks')
    expect(before).toContain('kenshinの手続き')
    expect(before).toContain('お知らせ済み・未完了 / Offered, not done')
    expect(before).toContain('次のお便りでお知らせ / Offered with the next message')
    expect(before).toContain('data-mark-task="s-ichi:kenshin"')
    expect(before).toContain('記録する / Record as done')

    const refused = await record(ws.users.nurseB, { member: 's-ichi', task: 'kenshin' })
    expect(refused.status).toBe(403)
    expect(((await refused.json()) as { reason: string }).reason).toMatch(/^担当外の自治体です/)

    const recorded = await record(ws.users.deskA, { member: 's-ichi', task: 'kenshin' })
    expect(recorded.status).toBe(200)
    expect(await recorded.json()).toMatchObject({
      ok: true,
      task: { id: 'kenshin', state: 'done', doneOn: today, doneWho: 'staff' },
    })

    const after = await page('nurseA')
    const row = after.slice(after.indexOf('data-task="kenshin"'))
    expect(row.slice(0, row.indexOf('</tr>'))).toContain('職員が記録 / by staff')
    expect(after).not.toContain('data-mark-task="s-ichi:kenshin"')
    expect(after).not.toContain('ichigo@example.jp')

    const log = await askStaffApi<AccessLogPage>(
      ws.payload,
      ws.users.privacyA,
      { role: 'privacy-officer', tenant: 'sakura-city', path: '/access-log' },
      ws.target,
    )
    if (!log.ok) throw new Error(log.reason)
    expect(log.data.entries.map((e) => [e.staffUser, e.action, e.household])).toContainEqual([
      String(ws.users.deskA.id),
      'mark-task-done',
      't-ichi',
    ])
  })
})
