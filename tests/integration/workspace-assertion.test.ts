import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { askStaffApi } from '../../cms/workspace/staff-api'
import type { AccessLogPage, FamiliesPage } from '../../shared/contract'
import { startWorkspace, type Workspace } from './support/workspace'

// The CMS signs who is asking; the Worker in workerd checks it and scopes to the user's towns.
let ws: Workspace

beforeAll(async () => {
  ws = await startWorkspace()
})
afterAll(async () => {
  await ws?.stop()
})

describe('the CMS asks the staff API for a staff user', () => {
  it("lets a nurse list her own town's families, and the town's privacy officer sees that read logged", async () => {
    const page = await askStaffApi<FamiliesPage>(
      ws.payload,
      ws.users.nurseA,
      { role: 'nurse', tenant: 'sakura-city', path: '/families' },
      ws.target,
    )
    expect(page).toMatchObject({ ok: true, data: { families: [] } })
    const log = await askStaffApi<AccessLogPage>(
      ws.payload,
      ws.users.privacyA,
      { role: 'privacy-officer', tenant: 'sakura-city', path: '/access-log' },
      ws.target,
    )
    if (!log.ok) throw new Error(log.reason)
    expect(log.data.entries.map((e) => [e.staffUser, e.action])).toContainEqual([
      String(ws.users.nurseA.id),
      'list-families',
    ])
  })

  it('refuses another town, a role the user does not hold, and the admin, before asking the Worker', async () => {
    let asked = 0
    const counting = {
      ...ws.target,
      fetch: (async (...args: Parameters<typeof fetch>) => {
        asked++
        return fetch(...args)
      }) as typeof fetch,
    }
    const other = await askStaffApi(
      ws.payload,
      ws.users.nurseA,
      { role: 'nurse', tenant: 'minato-town', path: '/families' },
      counting,
    )
    const wrongRole = await askStaffApi(
      ws.payload,
      ws.users.deskA,
      { role: 'nurse', tenant: 'sakura-city', path: '/families' },
      counting,
    )
    const admin = await askStaffApi(
      ws.payload,
      ws.users.admin,
      { role: 'nurse', tenant: 'sakura-city', path: '/families' },
      counting,
    )
    const noWorkspaceRole = await askStaffApi(
      ws.payload,
      ws.users.staffA,
      { role: 'desk', tenant: 'sakura-city', path: '/families' },
      counting,
    )
    expect([other, wrongRole, admin, noWorkspaceRole].map((a) => (a.ok ? 200 : a.status))).toEqual([
      403, 403, 403, 403,
    ])
    expect(asked).toBe(0)
  })

  it('fails closed when the CMS has no signing key, and the Worker refuses a key it does not know', async () => {
    const unset = await askStaffApi(
      ws.payload,
      ws.users.nurseA,
      { role: 'nurse', tenant: 'sakura-city', path: '/families' },
      { ...ws.target, privateKey: undefined },
    )
    expect(unset).toMatchObject({ ok: false, status: 503 })
    if (!unset.ok) expect(unset.reason).toContain('YORISOI_STAFF_API_PRIVATE_KEY')
    const { makeStaffKeys } = await import('../../dev/local-staff-keys')
    const stranger = await askStaffApi(
      ws.payload,
      ws.users.nurseA,
      { role: 'nurse', tenant: 'sakura-city', path: '/families' },
      { ...ws.target, privateKey: makeStaffKeys().privateKey },
    )
    expect(stranger).toMatchObject({ ok: false, status: 401 })
  })
})

describe('who may hold a staff role', () => {
  it('refuses to make an administrator a nurse', async () => {
    const error = await ws.payload
      .update({ collection: 'users', id: ws.users.admin.id, data: { roles: ['admin', 'nurse'] } })
      .then(
        () => null,
        (e: { data?: { errors?: { message: string }[] } }) => e,
      )
    expect(error?.data?.errors?.[0]?.message).toMatch(/管理者は保健師/)
  })
})
