import { bilingual } from '../../shared/contract'
import { buildScope, nextIndex } from './build'
import type { PublishProblem } from './checks'
import type { CoverageGap } from './coverage'
import { type DetailedDiff, detailedDiff, type SnapshotIndex } from './diff'
import { EdgeRefusal, edgeApi } from './edge-client'
import { indexOfManifest } from './publish'
import type { PublishRequest, PublishSetup } from './types'
import { mayPublishNational, mayPublishTenant, publisherOf } from './who'

export type PreviewOutcome =
  | {
      ok: true
      /** The part cannot be published until these are fixed. */
      problems: PublishProblem[]
      /** Days without an approved message; publishing needs a confirmation. */
      gaps: CoverageGap[]
      diff: DetailedDiff
      /** The manifest the edge serves (null: nothing yet). */
      liveManifestId: string | null
      /** Why the edge could not be asked; the diff is then against what the CMS last published. */
      edgeProblem: string | null
      counts: { messages?: number; localEntries?: number }
    }
  | { ok: false; status: 400 | 403; reason: string }

/** What is live, and the item index the CMS recorded when it published that manifest. */
export interface LiveManifest {
  manifestId: string
  index: SnapshotIndex | null
}

/**
 * What the edge serves now. When the edge cannot be asked, the last publication the CMS recorded
 * as active stands in, with the edge's reason beside it.
 */
export async function livePublication(
  setup: PublishSetup,
): Promise<{ live: LiveManifest | null; edgeProblem: string | null }> {
  let manifestId: string | null
  let edgeProblem: string | null = null
  try {
    manifestId = (await edgeApi.active(setup.edge)).active?.manifest.id ?? null
  } catch (error) {
    if (!(error instanceof EdgeRefusal)) throw error
    edgeProblem = error.reason
    const found = await setup.payload.find({
      collection: setup.slugs.publications,
      where: { state: { equals: 'active' } },
      sort: '-updatedAt',
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
    manifestId = (found.docs[0] as { manifestId?: string } | undefined)?.manifestId ?? null
  }
  const live = manifestId
    ? { manifestId, index: await indexOfManifest(setup.payload, setup.slugs.publications, manifestId) }
    : null
  return { live, edgeProblem }
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
  const { live, edgeProblem } = await livePublication(setup)
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
    edgeProblem,
    counts: {
      messages: built.part?.kind === 'national' ? built.part.messages.length : undefined,
      localEntries: built.part?.kind === 'tenant' ? built.part.localEntries.length : undefined,
    },
  }
}
