import type { CollectionConfig } from 'payload'
import { adminOnlyField, nobody, roleIn, selfOrAdmin } from '../access/index'
import { selfOrAdminField, usersReadable } from '../access/users'
import { label } from '../i18n'
import { type Role, roleLabels, roles, staffRoles } from '../roles'

/** The admin manages users and content and never reads a household: no staff role beside it. */
function adminHoldsNoStaffRole(value: unknown): true | string {
  const held = (Array.isArray(value) ? value : []) as Role[]
  if (held.includes('admin') && staffRoles.some((role) => held.includes(role)))
    return '管理者は保健師・窓口・個人情報保護担当の役割を兼ねられません / An administrator cannot also hold a staff role (nurse, desk, privacy officer)'
  return true
}

export const usersCollection = (slug: string): CollectionConfig => ({
  slug,
  auth: { tokenExpiration: 60 * 60 * 8 },
  labels: { singular: label('ユーザー', 'User'), plural: label('ユーザー', 'Users') },
  admin: { useAsTitle: 'email', defaultColumns: ['email', 'name', 'roles'] },
  access: {
    create: roleIn('admin'),
    read: usersReadable,
    update: selfOrAdmin,
    delete: roleIn('admin'),
    unlock: roleIn('admin'),
    readVersions: nobody,
  },
  fields: [
    { name: 'name', type: 'text', label: label('氏名', 'Name') },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['viewer'],
      saveToJWT: true,
      label: label('役割', 'Roles'),
      options: roles.map((value) => ({ value, label: roleLabels[value] })),
      validate: adminHoldsNoStaffRole,
      access: { read: selfOrAdminField, create: adminOnlyField, update: adminOnlyField },
    },
    {
      // 阿久根市's 顔の見える関係: the family sees their nurse as she chose to be shown.
      name: 'shownToFamilies',
      type: 'group',
      label: label('ご家族への表示', 'Shown to families'),
      access: { read: selfOrAdminField },
      admin: {
        condition: (data) =>
          Array.isArray(data?.roles) && (data.roles.includes('nurse') || data.roles.includes('desk')),
        description: label(
          '担当のご家族の管理ページとメッセージに表示されます',
          'Shown on the manage page and messages of the families you are assigned to',
        ),
      },
      fields: [
        {
          name: 'name',
          type: 'text',
          maxLength: 40,
          label: label('表示名（例: 保健師 さとう）', 'Name shown (e.g. Nurse Sato)'),
        },
        {
          name: 'contact',
          type: 'text',
          maxLength: 120,
          label: label('連絡先（例: 090-… 平日9時〜17時）', 'How to reach you (e.g. phone and hours)'),
        },
      ],
    },
  ],
})
