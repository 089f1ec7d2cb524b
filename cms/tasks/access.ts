import type { Access, Where } from 'payload'
import { hasRole, tenantIdsOf } from '../plugin/roles'
import { writesTask } from './decide'

const idOf = (value: unknown) => (value && typeof value === 'object' ? (value as { id: unknown }).id : value)
const national: Where = { tenant: { exists: false } }
const townRoles = ['municipal-staff', 'nurse', 'desk'] as const
const ownTowns = (user: unknown): Where => ({ tenant: { in: tenantIdsOf(user) } })

/** Everyone but a town's people reads every task; a town's people the national ones and their own. */
export const readTasks: Access = ({ req }) => {
  if (hasRole(req.user, 'admin', 'editor', 'medical-supervisor', 'viewer')) return true
  return hasRole(req.user, ...townRoles) ? { or: [national, ownTowns(req.user)] } : false
}

/** Whether this person may write a task for `tenant` (none: a national task). */
export function mayWriteTask(user: unknown, tenant: unknown): boolean {
  if (!user) return false
  const id = idOf(tenant)
  const actor = { ...(user as { id: number | string }), tenantIds: tenantIdsOf(user) }
  return writesTask(actor, id === undefined || id === null || id === '' ? null : (id as number | string))
}

/** Editors write national tasks, a town's people their town's; admins any. */
export const createTasks: Access = ({ req, data }) => {
  // Without data (the admin asking whether to show "create") the answer is about the role.
  if (!data) return hasRole(req.user, 'admin', 'editor', ...townRoles)
  return mayWriteTask(req.user, data.tenant)
}

/** Saving is also how a task is submitted and approved: supervisors save national tasks too. */
export const updateTasks: Access = ({ req }) => {
  if (hasRole(req.user, 'admin')) return true
  const allowed: Where[] = []
  if (hasRole(req.user, 'editor', 'medical-supervisor')) allowed.push(national)
  if (hasRole(req.user, 'medical-supervisor')) allowed.push({ tenant: { exists: true } })
  if (hasRole(req.user, ...townRoles)) allowed.push(ownTowns(req.user))
  return allowed.length ? { or: allowed } : false
}

/** A task once approved may have reached residents: it stays (a new version replaces its text). */
export const deleteTasks: Access = ({ req }) => {
  const unapproved: Where = { and: [{ state: { not_equals: 'approved' } }, { approved: { exists: false } }] }
  if (hasRole(req.user, 'admin')) return unapproved
  const allowed: Where[] = []
  if (hasRole(req.user, 'editor')) allowed.push(national)
  if (hasRole(req.user, ...townRoles)) allowed.push(ownTowns(req.user))
  return allowed.length ? { and: [unapproved, { or: allowed }] } : false
}
