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
  // Payload hashes each password with 600,000 PBKDF2 rounds on the thread pool: side by side, the
  // seven take the time of a few instead of seven.
  const [admin, editor, supervisor, supervisor2, staffA, staffB, viewer] = await Promise.all([
    user('admin', ['admin']),
    user('editor', ['editor']),
    user('supervisor', ['medical-supervisor']),
    user('supervisor2', ['medical-supervisor']),
    user('staffA', ['municipal-staff'], [tenantA.id]),
    user('staffB', ['municipal-staff'], [tenantB.id]),
    user('viewer', ['viewer']),
  ])
  const users = { admin, editor, supervisor, supervisor2, staffA, staffB, viewer }
  return { tenantA, tenantB, users }
}
