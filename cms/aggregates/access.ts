import type { Access } from 'payload'
import { hasRole, tenantIdsOf } from '../plugin/roles'

/** Admins read every municipality's counts; municipal staff only their own tenants'. Nobody else. */
export const readCounts: Access = ({ req }) => {
  if (hasRole(req.user, 'admin')) return true
  if (hasRole(req.user, 'municipal-staff')) return { tenant: { in: tenantIdsOf(req.user) } }
  return false
}

/** Counts arrive only from the edge's authenticated report, never through the REST API or admin. */
export const nobody: Access = () => false
