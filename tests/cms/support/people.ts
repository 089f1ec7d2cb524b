import type { Payload } from 'payload'

export type Person = 'admin' | 'editor' | 'supervisor' | 'supervisor2' | 'staffA' | 'staffB' | 'viewer'

export type World = {
  tenantA: { id: number | string }
  tenantB: { id: number | string }
  users: Record<Person, Record<string, unknown> & { id: number | string; email: string; collection: string }>
}

export const password = 'correct-horse-battery'

/** Two municipalities and one user per role (two supervisors, staff of each tenant). */
export async function createWorld(payload: Payload): Promise<World> {
  const tenant = (slug: string, name: string) =>
    payload.create({ collection: 'tenants', data: { slug, name, sendTime: '09:00', timeZone: 'Asia/Tokyo' } })
  const tenantA = await tenant('minato', '港区')
  const tenantB = await tenant('setagaya', '世田谷区')
  const user = async (key: Person, roles: string[], tenants: (number | string)[] = []) =>
    (await payload.create({
      collection: 'users',
      data: {
        email: `${key.toLowerCase()}@example.jp`,
        password,
        name: key,
        roles,
        tenants: tenants.map((id) => ({ tenant: id })),
      },
    })) as unknown as World['users'][Person]
  const users = {
    admin: await user('admin', ['admin']),
    editor: await user('editor', ['editor']),
    supervisor: await user('supervisor', ['medical-supervisor']),
    supervisor2: await user('supervisor2', ['medical-supervisor']),
    staffA: await user('staffA', ['municipal-staff'], [tenantA.id]),
    staffB: await user('staffB', ['municipal-staff'], [tenantB.id]),
    viewer: await user('viewer', ['viewer']),
  }
  return { tenantA, tenantB, users }
}
