import type { CollectionConfig } from 'payload'
import { adminOnlyField, nobody, roleIn, selfOrAdmin } from '../access/index'
import { label } from '../i18n'
import { roleLabels, roles } from '../roles'

export const usersCollection = (slug: string): CollectionConfig => ({
  slug,
  auth: { tokenExpiration: 60 * 60 * 8 },
  labels: { singular: label('ユーザー', 'User'), plural: label('ユーザー', 'Users') },
  admin: { useAsTitle: 'email', defaultColumns: ['email', 'name', 'roles'] },
  access: {
    create: roleIn('admin'),
    read: selfOrAdmin,
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
      access: { create: adminOnlyField, update: adminOnlyField },
    },
  ],
})
