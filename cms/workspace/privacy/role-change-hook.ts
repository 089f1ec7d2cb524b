import {
  APIError,
  type CollectionAfterChangeHook,
  type CollectionAfterDeleteHook,
  type PayloadRequest,
} from 'payload'
import { bilingual, type StaffRoleChange } from '../../../shared/contract'
import type { Actor } from '../../plugin/roles'
import { tenantIdsOf } from '../../plugin/roles'

/** Where the edge's ingest API is and the CMS's token for it (the publishing token). */
export interface RoleChangeTarget {
  url: string
  token: string
  fetch?: typeof fetch
}

const fromEnvironment = (): RoleChangeTarget => ({
  url: process.env.YORISOI_EDGE_URL ?? 'http://127.0.0.1:8787',
  token: process.env.YORISOI_INGEST_TOKEN ?? '',
})

/** What a user holds: roles and towns (ids), sorted; nothing for a user not yet made or deleted. */
type Held = { roles: string[]; ids: string[] }
const none: Held = { roles: [], ids: [] }
const heldBy = (user: unknown): Held => ({
  roles: [...((user as Actor | null | undefined)?.roles ?? [])].sort(),
  ids: tenantIdsOf(user).map(String).sort(),
})
const same = (a: Held, b: Held) =>
  a.roles.join(',') === b.roles.join(',') && a.ids.join(',') === b.ids.join(',')

async function slugsOf(req: PayloadRequest, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>()
  const found = await req.payload.find({
    collection: 'tenants',
    where: { id: { in: ids } },
    depth: 0,
    limit: ids.length,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return new Map(
    (found.docs as unknown as { id: number | string; slug: string }[]).map((t) => [String(t.id), t.slug]),
  )
}

/**
 * Tells the edge that `user`'s roles or towns changed, for the access log of each town before or
 * after. The edge must take it, or the change is refused (and rolled back with the transaction) —
 * a change the privacy officer cannot see must not happen. Without an ingest token (a CMS with no
 * edge, in development) nothing is sent.
 */
async function tellEdge(
  req: PayloadRequest,
  user: string,
  before: Held,
  after: Held,
  target: RoleChangeTarget,
) {
  if (same(before, after) || before.ids.length + after.ids.length === 0) return
  if (!target.token) {
    // The seed's own people are the first state of a development CMS, made before any edge runs.
    if (req.context?.seed === true) return
    req.payload.logger.warn('role change not sent to the edge: YORISOI_INGEST_TOKEN is not set')
    return
  }
  const slugs = await slugsOf(req, [...new Set([...before.ids, ...after.ids])])
  const towns = (ids: string[]) => ids.flatMap((id) => (slugs.has(id) ? [slugs.get(id)!] : []))
  const change: StaffRoleChange = {
    actor: String(req.user?.id ?? 'system'),
    user,
    before: { roles: before.roles, tenants: towns(before.ids) },
    after: { roles: after.roles, tenants: towns(after.ids) },
    at: new Date().toISOString(),
  }
  let status: number | null = null
  try {
    const response = await (target.fetch ?? fetch)(
      `${target.url.replace(/\/$/, '')}/ingest/staff-role-changes`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${target.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(change),
        signal: AbortSignal.timeout(15_000),
      },
    )
    if (response.ok) return
    status = response.status
  } catch {
    status = null
  }
  const where = `${target.url}${status === null ? '' : `: ${status}`}`
  throw new APIError(
    bilingual(
      `役割の変更をアクセス記録に書けませんでした（配信サーバー ${where}）。変更は保存していません。時間をおいてもう一度お試しください`,
      `The role change could not be written to the access log (edge ${where}); nothing was saved. Try again later`,
    ),
    502,
    null,
    true,
  )
}

/** After a user is made or saved: a change of their roles or towns goes to the towns' access logs. */
export const roleChangeHook =
  (target: () => RoleChangeTarget = fromEnvironment): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, operation, req }) => {
    await tellEdge(
      req,
      String(doc.id),
      operation === 'create' ? none : heldBy(previousDoc),
      heldBy(doc),
      target(),
    )
    return doc
  }

/** After a user is deleted: they leave every role and town they held. */
export const roleRemovalHook =
  (target: () => RoleChangeTarget = fromEnvironment): CollectionAfterDeleteHook =>
  async ({ doc, id, req }) => {
    await tellEdge(req, String(id), heldBy(doc), none, target())
    return doc
  }
