import {
  type CollectionBeforeOperationHook,
  type CollectionConfig,
  Locked,
  type PayloadRequest,
  type Plugin,
  type Where,
} from 'payload'
import { bilingual } from '../plugin/i18n'

// Payload checks a document's edit lock before every update or delete that comes through REST or
// the admin (overrideLock: false) with a query that does not take the request: it runs on a second
// pool connection while the operation's transaction holds one. Nine such saves at once (the pool's
// ten, less the one the adapter keeps for itself) each hold a connection and wait for another that
// never comes: every request hangs, even a login, and Postgres shows nine connections "idle in
// transaction" (payloadcms/payload#8412). This hook makes the same check inside the transaction
// and then tells Payload the lock is checked; Payload still clears the lock on save, in the
// transaction.

const lockedDocuments = 'payload-locked-documents'
// Payload's own default when a collection does not set lockDocuments.duration.
const defaultLockSeconds = 300

type Lock = { document?: { value?: unknown } | null; user?: { value?: unknown } | null }
const idOf = (value: unknown) => (value && typeof value === 'object' ? (value as { id: unknown }).id : value)

/** The fresh locks of `slug` held by someone other than the person saving. */
async function locksOfOthers(req: PayloadRequest, slug: string, seconds: number): Promise<Lock[]> {
  const found = await req.payload.db.find({
    collection: lockedDocuments,
    where: {
      and: [
        { 'document.relationTo': { equals: slug } },
        { updatedAt: { greater_than: new Date(Date.now() - seconds * 1000).toISOString() } },
      ],
    },
    limit: 0,
    pagination: false,
    req,
  })
  return (found.docs as Lock[]).filter((lock) => String(idOf(lock.user?.value)) !== String(req.user?.id))
}

/** The ids an update or delete of many would touch, read in the same transaction. */
async function idsMatching(req: PayloadRequest, slug: string, where: Where | undefined) {
  const found = await req.payload.find({
    collection: slug,
    where,
    depth: 0,
    pagination: false,
    select: {},
    overrideAccess: true,
    req,
  })
  return found.docs.map((doc) => String(doc.id))
}

async function holderName(req: PayloadRequest, lock: Lock): Promise<string> {
  const user = lock.user?.value
  if (user && typeof user === 'object') return String((user as { email?: string }).email ?? idOf(user))
  const found = await req.payload.db.findOne({
    collection: req.payload.config.admin.user,
    where: { id: { equals: user } },
    req,
  })
  return String((found as { email?: string } | null)?.email ?? user)
}

export const checkLockInTransaction =
  (seconds: number): CollectionBeforeOperationHook =>
  async ({ args, operation, req, collection }) => {
    // Only a save that asks for the check gets one from Payload; every other passes as before.
    if (operation !== 'update' && operation !== 'delete') return args
    if (!('overrideLock' in args) || args.overrideLock !== false) return args
    const locks = await locksOfOthers(req, collection.slug, seconds)
    if (locks.length) {
      const touched =
        'id' in args && args.id !== undefined
          ? [String(args.id)]
          : await idsMatching(req, collection.slug, 'where' in args ? (args.where as Where) : undefined)
      const held = locks.find((lock) => touched.includes(String(lock.document?.value)))
      if (held) {
        const who = await holderName(req, held)
        throw new Locked(
          bilingual(
            `${who} さんが編集中のため、保存できません。編集を引き継ぐには、この文書を開き直して「引き継ぐ」を押してください`,
            `${who} is editing this document, so it was not saved: open it again and choose Take over to continue`,
          ),
        )
      }
    }
    return { ...args, overrideLock: true }
  }

const withLockCheck = (collection: CollectionConfig): CollectionConfig => {
  if (collection.lockDocuments === false) return collection
  const seconds =
    typeof collection.lockDocuments === 'object' ? collection.lockDocuments.duration : defaultLockSeconds
  return {
    ...collection,
    hooks: {
      ...collection.hooks,
      beforeOperation: [...(collection.hooks?.beforeOperation ?? []), checkLockInTransaction(seconds)],
    },
  }
}

/** Every collection's lock check inside its save's transaction. Last in the plugin list: it sees every collection. */
export const locksInTransaction = (): Plugin => (config) => ({
  ...config,
  collections: (config.collections ?? []).map(withLockCheck),
})
