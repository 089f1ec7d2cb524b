import type { Role } from '../cms/plugin/roles'

// The seed's people, one per role, at addresses scripts and people can rely on. All fictional.

export const defaultDevPassword = 'yorisoi-dev'

export interface SeedUser {
  email: string
  name: string
  roles: Role[]
  /** Municipal staff belong to one tenant, by slug. */
  tenant?: string
}

export function seedUsers(tenants: readonly { slug: string; name: string }[]): SeedUser[] {
  return [
    { email: 'admin@yorisoi.test', name: '管理者（サンプル）', roles: ['admin'] },
    { email: 'editor@yorisoi.test', name: '編集者（サンプル）', roles: ['editor'] },
    { email: 'supervisor1@yorisoi.test', name: '医療監修者1（架空）', roles: ['medical-supervisor'] },
    { email: 'supervisor2@yorisoi.test', name: '医療監修者2（架空）', roles: ['medical-supervisor'] },
    ...tenants.map((tenant) => ({
      email: `staff.${tenant.slug}@yorisoi.test`,
      name: `${tenant.name} 職員（サンプル）`,
      roles: ['municipal-staff' as const],
      tenant: tenant.slug,
    })),
    // The staff workspace: a nurse and the desk of each town, and the town's privacy officer.
    ...tenants.flatMap((tenant) => [
      {
        email: `nurse.${tenant.slug}@yorisoi.test`,
        name: `${tenant.name} 保健師（サンプル）`,
        roles: ['municipal-staff' as const, 'nurse' as const],
        tenant: tenant.slug,
      },
      {
        email: `desk.${tenant.slug}@yorisoi.test`,
        name: `${tenant.name} 子育て窓口（サンプル）`,
        roles: ['municipal-staff' as const, 'desk' as const],
        tenant: tenant.slug,
      },
      {
        email: `privacy.${tenant.slug}@yorisoi.test`,
        name: `${tenant.name} 個人情報保護担当（サンプル）`,
        roles: ['privacy-officer' as const],
        tenant: tenant.slug,
      },
    ]),
    { email: 'viewer@yorisoi.test', name: '閲覧者（サンプル）', roles: ['viewer'] },
  ]
}
