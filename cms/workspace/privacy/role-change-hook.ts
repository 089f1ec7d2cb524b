import { APIError, type CollectionAfterChangeHook, type Payload } from 'payload'
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

const rolesOf = (user: unknown) => [...((user as Actor | null | undefined)?.roles ?? [])].sort()

async function slugsOf(
  payload: Payload,
  ids: (number | string)[],
  req: Parameters<CollectionAfterChangeHook>[0]['req'],
) {
  if (ids.length === 0) return new Map<string, string>()
  const found = await payload.find({
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
 * After a user is saved: when their roles or towns changed, each town they belonged to before or
 * after gets a row in its access log at the edge (who changed whom, old → new roles as codes). The
 * edge must take it, or the change is refused and rolled back — a change the privacy officer cannot
 * see must not happen. Without an ingest token (a CMS with no edge, in development) nothing is sent.
 */
export const roleChangeHook =
  (target: () => RoleChangeTarget = fromEnvironment): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, operation, req }) => {
    const before = {
      roles: operation === 'create' ? [] : rolesOf(previousDoc),
      ids: operation === 'create' ? [] : tenantIdsOf(previousDoc).map(String),
    }
    const after = { roles: rolesOf(doc), ids: tenantIdsOf(doc).map(String) }
    const sameRoles = before.roles.join(',') === after.roles.join(',')
    const sameTowns = [...before.ids].sort().join(',') === [...after.ids].sort().join(',')
    if ((sameRoles && sameTowns) || before.ids.length + after.ids.length === 0) return doc
    const edge = target()
    if (!edge.token) {
      req.payload.logger.warn('role change not sent to the edge: YORISOI_INGEST_TOKEN is not set')
      return doc
    }
    const slugs = await slugsOf(req.payload, [...new Set([...before.ids, ...after.ids])], req)
    const slugList = (ids: string[]) => ids.flatMap((id) => (slugs.has(id) ? [slugs.get(id)!] : []))
    const change: StaffRoleChange = {
      actor: String(req.user?.id ?? 'system'),
      user: String(doc.id),
      before: { roles: before.roles, tenants: slugList(before.ids) },
      after: { roles: after.roles, tenants: slugList(after.ids) },
      at: new Date().toISOString(),
    }
    let response: Response | null = null
    try {
      response = await (edge.fetch ?? fetch)(`${edge.url.replace(/\/$/, '')}/ingest/staff-role-changes`, {
        method: 'POST',
        headers: { authorization: `Bearer ${edge.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(change),
        signal: AbortSignal.timeout(15_000),
      })
    } catch {
      response = null
    }
    if (!response?.ok)
      throw new APIError(
        bilingual(
          `役割の変更をアクセス記録に書けませんでした（配信サーバー ${edge.url}${response ? `: ${response.status}` : ''}）。変更は保存していません。時間をおいてもう一度お試しください`,
          `The role change could not be written to the access log (edge ${edge.url}${response ? `: ${response.status}` : ''}); nothing was saved. Try again later`,
        ),
        502,
        null,
        true,
      )
    return doc
  }
