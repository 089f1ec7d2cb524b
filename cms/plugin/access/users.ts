import type { Access, FieldAccess, PayloadRequest } from 'payload'
import { hasRole, tenantIdsOf } from '../roles'

const lockedDocuments = 'payload-locked-documents'
// Payload's lock lifetime (lockDocuments.duration), which no yorisoi collection changes.
const lockSeconds = 300

/**
 * Whoever holds an edit lock now and works where the reader works, read in the asking operation's
 * own transaction: a town's staff see colleagues of their own town, national roles (no towns) each
 * other — never another town's people.
 */
async function lockHolders(req: PayloadRequest): Promise<(number | string)[]> {
  const found = await req.payload.db.find({
    collection: lockedDocuments,
    where: { updatedAt: { greater_than: new Date(Date.now() - lockSeconds * 1000).toISOString() } },
    limit: 0,
    pagination: false,
    req,
  })
  const ids = found.docs.map((lock) => {
    const user = (lock as { user?: { value?: unknown } }).user?.value
    return (user && typeof user === 'object' ? (user as { id: number | string }).id : user) as number | string
  })
  if (ids.length === 0) return []
  const holders = await req.payload.db.find({
    collection: 'users',
    where: { id: { in: ids } },
    limit: 0,
    pagination: false,
    req,
  })
  const mine = new Set(tenantIdsOf(req.user).map(String))
  return holders.docs
    .filter((holder) => {
      const theirs = tenantIdsOf(holder).map(String)
      return mine.size === 0 ? theirs.length === 0 : theirs.some((id) => mine.has(id))
    })
    .map((holder) => holder.id as number | string)
}

/**
 * Admins see every user; everyone else themselves, and whoever has a document open for editing
 * now: the admin's "being edited" notice names her (it shows a bare id for a user one cannot
 * read). Her roles and what families are shown of her stay hers and the admin's (selfOrAdminField).
 */
export const usersReadable: Access = async ({ req }) => {
  if (!req.user) return false
  if (hasRole(req.user, 'admin')) return true
  return { id: { in: [req.user.id, ...(await lockHolders(req))] } }
}

export const selfOrAdminField: FieldAccess = ({ req, doc, id }) =>
  hasRole(req.user, 'admin') || (req.user !== null && String(doc?.id ?? id) === String(req.user.id))
