import type { Access, CollectionConfig, Field } from 'payload'
import { label } from '../plugin/i18n'
import { hasRole, tenantIdsOf } from '../plugin/roles'

/** Admins read every municipality's counts; municipal staff only their own tenants'. Nobody else. */
export const readCounts: Access = ({ req }) => {
  if (hasRole(req.user, 'admin')) return true
  if (hasRole(req.user, 'municipal-staff')) return { tenant: { in: tenantIdsOf(req.user) } }
  return false
}

/** Counts arrive only from the edge's authenticated report, never through the REST API or admin. */
export const nobody: Access = () => false

/** What every collection of the edge's counts shares: read-only, newest day first, per tenant and day. */
export function countsCollectionBase(
  tenantsSlug: string,
  dateLabel = label('日付', 'Date'),
): Pick<CollectionConfig, 'access' | 'defaultSort'> & { fields: Field[] } {
  return {
    access: { read: readCounts, create: nobody, update: nobody, delete: nobody },
    defaultSort: '-date',
    fields: [
      { name: 'date', type: 'text', required: true, index: true, label: dateLabel },
      {
        name: 'tenant',
        type: 'relationship',
        relationTo: tenantsSlug,
        required: true,
        index: true,
        label: label('自治体', 'Tenant'),
      },
    ],
  }
}
