import type { Access, Where } from 'payload'
import { hasRole, tenantIdsOf } from '../roles'

const idOf = (value: unknown) => (value && typeof value === 'object' ? (value as { id: unknown }).id : value)
const national: Where = { tenant: { exists: false } }

/** Everyone signed in reads national surveys; staff also their own tenants' surveys. */
export const readSurveys: Access = ({ req }) => {
  if (hasRole(req.user, 'admin', 'editor', 'medical-supervisor', 'viewer')) return true
  if (hasRole(req.user, 'municipal-staff'))
    return { or: [national, { tenant: { in: tenantIdsOf(req.user) } }] }
  return false
}

/** Whether this user may own a survey for `tenant` (none = national). */
export function mayOwnSurvey(user: unknown, tenant: unknown): boolean {
  if (hasRole(user, 'admin')) return true
  const id = idOf(tenant)
  if (!id) return hasRole(user, 'editor')
  return hasRole(user, 'municipal-staff') && tenantIdsOf(user).map(String).includes(String(id))
}

/** On create there is no stored document to constrain: judge the data being sent. */
export const createSurveys: Access = ({ req, data }) => mayOwnSurvey(req.user, data?.tenant)

/** Editors change national surveys, staff their own tenants' surveys, admins any. */
export const changeSurveys: Access = (args) => surveyAccess(args, false)

/** As changeSurveys, and medical supervisors national surveys too: reviewing is saving a state. */
export const updateSurveys: Access = (args) => surveyAccess(args, true)

function surveyAccess({ req }: Parameters<Access>[0], reviewing: boolean): ReturnType<Access> {
  if (hasRole(req.user, 'admin')) return true
  const allowed: Where[] = []
  if (hasRole(req.user, 'editor') || (reviewing && hasRole(req.user, 'medical-supervisor')))
    allowed.push(national)
  if (hasRole(req.user, 'municipal-staff')) allowed.push({ tenant: { in: tenantIdsOf(req.user) } })
  return allowed.length ? { or: allowed } : false
}
