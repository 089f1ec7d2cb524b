import { bilingual } from '../../shared/contract'
import { EdgeRefusal, edgeApi } from './edge-client'
import type { PublishOutcome } from './publish'
import type { PublishSetup } from './types'
import { actorOf, mayPublishNational, publisherOf } from './who'

/**
 * Makes the manifest of an earlier publication live again, in one switch at the edge, and records
 * it like a publish; the publication that was live is marked rolled back.
 */
export async function rollback(
  setup: PublishSetup,
  request: { user: unknown; publicationId: number | string },
): Promise<PublishOutcome> {
  const { payload, slugs } = setup
  const who = publisherOf(request.user)
  if (!who || !mayPublishNational(who)) {
    return {
      ok: false,
      status: 403,
      reason: bilingual(
        'ロールバックできるのは編集者と管理者だけです',
        'Only editors and admins can roll back',
      ),
    }
  }
  const target = (await payload.findByID({
    collection: slugs.publications,
    id: request.publicationId,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
  })) as { manifestId?: string; index?: unknown; parts?: unknown } | null
  if (!target?.manifestId) {
    return {
      ok: false,
      status: 400,
      reason: bilingual('戻す先の公開が見つかりません', 'No such publication to roll back to'),
    }
  }
  try {
    const activation = await edgeApi.rollback(setup.edge, target.manifestId, actorOf(who))
    if (activation.previousManifestId) {
      const live = await payload.find({
        collection: slugs.publications,
        where: {
          and: [{ manifestId: { equals: activation.previousManifestId } }, { state: { equals: 'active' } }],
        },
        depth: 0,
        overrideAccess: true,
        pagination: false,
      })
      for (const doc of live.docs) {
        await payload.update({
          collection: slugs.publications,
          id: doc.id,
          overrideAccess: true,
          data: { state: 'rolled-back' },
        })
      }
    }
    const record = await payload.create({
      collection: slugs.publications,
      overrideAccess: true,
      data: {
        scope: 'rollback',
        state: 'active',
        publishedBy: who.id,
        manifestId: target.manifestId,
        previousManifestId: activation.previousManifestId,
        parts: target.parts,
        index: target.index,
      },
    })
    return { ok: true, publicationId: record.id, manifestId: target.manifestId }
  } catch (error) {
    const reason = error instanceof EdgeRefusal ? error.reason : (error as Error).message
    return { ok: false, status: 502, reason }
  }
}
