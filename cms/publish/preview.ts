import { bilingual } from '../../shared/contract'
import { buildScope, nextIndex } from './build'
import type { PublishProblem } from './checks'
import type { CoverageGap } from './coverage'
import { type DetailedDiff, detailedDiff, type SnapshotIndex } from './diff'
import { indexOfManifest, type PublishRequest, type PublishSetup } from './publish'
import { mayPublishNational, mayPublishTenant, publisherOf } from './who'

export type PreviewOutcome =
  | {
      ok: true
      /** The part cannot be published until these are fixed. */
      problems: PublishProblem[]
      /** Days without an approved message; publishing needs a confirmation. */
      gaps: CoverageGap[]
      diff: DetailedDiff
      /** The manifest live as the CMS last published it (null: nothing yet). */
      liveManifestId: string | null
      counts: { messages?: number; localEntries?: number }
    }
  | { ok: false; status: 400 | 403; reason: string }

/** The publication that is live as far as the CMS knows: the last one that became active. */
export async function livePublication(
  setup: PublishSetup,
): Promise<{ manifestId: string; index: SnapshotIndex | null } | null> {
  const found = await setup.payload.find({
    collection: setup.slugs.publications,
    where: { state: { equals: 'active' } },
    sort: '-updatedAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const doc = found.docs[0] as { manifestId?: string } | undefined
  if (!doc?.manifestId) return null
  return {
    manifestId: doc.manifestId,
    index: await indexOfManifest(setup.payload, setup.slugs.publications, doc.manifestId),
  }
}

/**
 * What publishing this scope now would change, without sending anything: the part built and
 * checked as publishing does, gaps, and the diff by slot and by local entry against what is live.
 */
export async function previewPublish(
  setup: PublishSetup,
  request: Omit<PublishRequest, 'confirmGaps'>,
): Promise<PreviewOutcome> {
  const who = publisherOf(request.user)
  const scope = request.scope
  const allowed =
    who && (scope.kind === 'national' ? mayPublishNational(who) : mayPublishTenant(who, scope.tenantId))
  if (!allowed) {
    return {
      ok: false,
      status: 403,
      reason: bilingual('この範囲を公開する権限がありません', 'You may not publish this scope'),
    }
  }
  const built = await buildScope(setup, scope)
  if ('missing' in built) return { ok: false, status: 400, reason: built.missing }
  const live = await livePublication(setup)
  const before = live?.index ?? null
  // The tenant part hashes do not matter to a person's diff; messages and entries do.
  const after: SnapshotIndex = built.part
    ? { ...nextIndex(built, before, []), tenants: before?.tenants ?? {} }
    : (before ?? { messages: {}, tenants: {} })
  return {
    ok: true,
    problems: built.problems,
    gaps: built.gaps,
    diff: detailedDiff(before, after),
    liveManifestId: live?.manifestId ?? null,
    counts: {
      messages: built.part?.kind === 'national' ? built.part.messages.length : undefined,
      localEntries: built.part?.kind === 'tenant' ? built.part.localEntries.length : undefined,
    },
  }
}
