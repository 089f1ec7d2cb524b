import type { ActivationRecord } from '../../shared/contract'
import { bilingual } from '../../shared/contract'
import { EdgeRefusal, edgeApi } from './edge-client'
import type { PublishSetup } from './types'
import { mayPublishNational, publisherOf } from './who'

/** One line of the activation history as the admin shows it: the edge's record and the CMS's. */
export interface HistoryEntry extends ActivationRecord {
  publication: {
    id: number | string
    scope: string
    tenant: number | string | null
    state: string
  } | null
  /** Whether this person may roll back to it now. */
  canRollBack: boolean
}

export type HistoryOutcome =
  | { ok: true; entries: HistoryEntry[] }
  | { ok: false; status: 403 | 502; reason: string }

const idOf = (value: unknown) =>
  value && typeof value === 'object' ? (value as { id: number | string }).id : (value as number | string)

/**
 * The edge's activation history, newest first, each joined to the publication that produced its
 * manifest. Municipal staff see only their own tenants' publications.
 */
export async function activationHistory(
  setup: PublishSetup,
  request: { user: unknown; limit?: number },
): Promise<HistoryOutcome> {
  const who = publisherOf(request.user)
  if (!who) return { ok: false, status: 403, reason: bilingual('ログインしてください', 'Please sign in') }
  let records: ActivationRecord[]
  try {
    records = (await edgeApi.activations(setup.edge, request.limit ?? 50)).activations
  } catch (error) {
    return { ok: false, status: 502, reason: error instanceof EdgeRefusal ? error.reason : String(error) }
  }
  const ids = [...new Set(records.map((r) => r.manifestId))]
  const found = ids.length
    ? await setup.payload.find({
        collection: setup.slugs.publications,
        where: { and: [{ manifestId: { in: ids } }, { scope: { not_equals: 'rollback' } }] },
        depth: 0,
        pagination: false,
        overrideAccess: true,
      })
    : { docs: [] }
  const byManifest = new Map<string, HistoryEntry['publication']>()
  for (const doc of found.docs as {
    id: number | string
    manifestId: string
    scope: string
    tenant?: unknown
    state: string
  }[]) {
    byManifest.set(doc.manifestId, {
      id: doc.id,
      scope: doc.scope,
      tenant: doc.tenant ? idOf(doc.tenant) : null,
      state: doc.state,
    })
  }
  const national = mayPublishNational(who)
  const mine = (tenant: number | string | null) =>
    tenant !== null && who.tenantIds.some((id) => String(id) === String(tenant))
  const entries = records
    .map((record, index) => {
      const publication = byManifest.get(record.manifestId) ?? null
      return {
        ...record,
        publication,
        // The newest entry is what is live; going back to it changes nothing.
        canRollBack:
          national &&
          record.available &&
          Boolean(publication) &&
          index > 0 &&
          record.manifestId !== records[0]?.manifestId,
      }
    })
    .filter((entry) => national || who.roles.includes('admin') || mine(entry.publication?.tenant ?? null))
  return { ok: true, entries }
}
