import type { Access, FieldAccess, Where } from 'payload'
import { hasRole, type Role, tenantIdsOf } from '../roles'

/** Allowed when the logged-in user holds any of `allowed`. Anonymous is never allowed. */
export const roleIn =
  (...allowed: Role[]): Access =>
  ({ req }) =>
    hasRole(req.user, ...allowed)

export const loggedIn: Access = ({ req }) => Boolean(req.user)

export const nobody: Access = () => false

export const adminOnlyField: FieldAccess = ({ req }) => hasRole(req.user, 'admin')

/** Admins see every user; everyone else only themselves. */
export const selfOrAdmin: Access = ({ req }) => {
  if (!req.user) return false
  if (hasRole(req.user, 'admin')) return true
  return { id: { equals: req.user.id } }
}

/**
 * `allRoles` act on every tenant's documents; municipal staff only on their own tenants'.
 * The multi-tenant plugin narrows staff the same way; saying it here too keeps this rule true
 * even where that plugin is not applied (e.g. surveys, whose tenant is optional).
 */
export const tenantScoped =
  (allRoles: Role[], staff: boolean, tenantField = 'tenant'): Access =>
  ({ req }) => {
    if (hasRole(req.user, ...allRoles)) return true
    if (staff && hasRole(req.user, 'municipal-staff')) {
      return { [tenantField]: { in: tenantIdsOf(req.user) } } satisfies Where
    }
    return false
  }
