import type { Access, Where } from 'payload'
import { hasRole, tenantIdsOf } from '../plugin/roles'

const idOf = (value: unknown) => (value && typeof value === 'object' ? (value as { id: unknown }).id : value)

/** A town's writers: its municipal staff, nurses and desk (a privacy officer only reads the log). */
const writers = ['municipal-staff', 'nurse', 'desk'] as const

const ownTowns = (user: unknown): Where => ({ tenant: { in: tenantIdsOf(user) } })

/** Admins and medical supervisors (who approve health content) read every town's; staff their own. */
export const readAnnouncements: Access = ({ req }) => {
  if (hasRole(req.user, 'admin', 'medical-supervisor')) return true
  return hasRole(req.user, ...writers) ? ownTowns(req.user) : false
}

/** Staff write for a town of their own; admins for any. */
export const createAnnouncements: Access = ({ req, data }) => {
  if (hasRole(req.user, 'admin')) return true
  if (!hasRole(req.user, ...writers)) return false
  const tenant = idOf(data?.tenant)
  // Without data (the admin asking whether to show "create") the answer is about the role.
  return tenant === undefined || tenantIdsOf(req.user).map(String).includes(String(tenant))
}

/** Not yet due or not approved: a cancelled one, or an approved one whose time has come, is locked. */
export const notLocked = (now: Date = new Date()): Where => ({
  or: [
    { state: { in: ['draft', 'in-review'] } },
    {
      and: [
        { state: { equals: 'approved' } },
        { urgent: { not_equals: true } },
        { sendAt: { greater_than: now.toISOString() } },
      ],
    },
  ],
})

/** Content is changed by the town's staff (admins any town's), never once it is locked. */
export const updateAnnouncements: Access = ({ req }) => {
  if (hasRole(req.user, 'admin')) return notLocked()
  if (!hasRole(req.user, ...writers)) return false
  return { and: [ownTowns(req.user), notLocked()] }
}

/** Only what has not been approved is deleted; an approved one is cancelled instead. */
export const deleteAnnouncements: Access = ({ req }) => {
  const unapproved: Where = { state: { in: ['draft', 'in-review'] } }
  if (hasRole(req.user, 'admin')) return unapproved
  if (!hasRole(req.user, ...writers)) return false
  return { and: [ownTowns(req.user), unapproved] }
}
