import type { Payload } from 'payload'
import { bilingual, type Manifest, type PreparedPart, preparePart } from '../../shared/contract'
import { buildScope, nextIndex } from './build'
import type { PublishProblem } from './checks'
import { composeParts } from './compose-manifest'
import { diffIndexes, diffOfTenant, type SnapshotIndex } from './diff'
import { EdgeRefusal, edgeApi } from './edge-client'
import type { PublicationState } from './publications'
import type { PublishRequest, PublishSetup } from './types'
import { uploadSnapshot } from './upload'
import { actorOf, mayPublishNational, mayPublishTenant, publisherOf } from './who'

// Callers that publish name the setup and request beside publish() itself.
export type { PublishRequest, PublishSetup } from './types'

export type PublishOutcome =
  | { ok: true; publicationId: number | string; manifestId: string }
  | { ok: false; status: 400 | 403 | 409 | 502; reason: string; publicationId?: number | string }

const problemList = (problems: PublishProblem[]) =>
  problems
    .slice(0, 20)
    .map((p) => `${p.where}: ${p.message}`)
    .join('\n') + (problems.length > 20 ? `\n… (+${problems.length - 20})` : '')

/** Builds the requested part from approved or published content, checks it, uploads it, switches. */
export async function publish(setup: PublishSetup, request: PublishRequest): Promise<PublishOutcome> {
  const { payload, slugs } = setup
  const who = publisherOf(request.user)
  const scope = request.scope
  const allowed =
    who &&
    (scope.kind === 'national'
      ? mayPublishNational(who)
      : request.approvedAnnouncement || mayPublishTenant(who, scope.tenantId))
  if (!who || !allowed) {
    return {
      ok: false,
      status: 403,
      reason:
        scope.kind === 'national'
          ? bilingual(
              '全国パートを公開できるのは編集者と管理者だけです',
              'Only editors and admins publish the national part',
            )
          : bilingual(
              '所属する自治体のパートだけを公開できます',
              'You can publish only the part of a tenant you belong to',
            ),
    }
  }

  // The admin's screen names a tenant as text (`tenant:<id>`); the record needs the id as stored.
  const tenant =
    scope.kind === 'tenant'
      ? await payload
          .findByID({
            collection: slugs.tenants,
            id: scope.tenantId,
            depth: 0,
            overrideAccess: true,
            disableErrors: true,
          })
          // An id that cannot be one (text where ids are numbers) finds nothing either.
          .catch(() => null)
      : null
  if (scope.kind === 'tenant' && !tenant) {
    return { ok: false, status: 400, reason: bilingual('自治体が見つかりません', 'No such tenant') }
  }

  const record = await payload.create({
    collection: slugs.publications,
    overrideAccess: true,
    data: {
      scope: scope.kind,
      tenant: tenant?.id,
      state: 'building',
      publishedBy: who.id,
    },
  })
  const update = (state: PublicationState, data: Record<string, unknown> = {}) =>
    payload.update({
      collection: slugs.publications,
      id: record.id,
      overrideAccess: true,
      data: { state, ...data },
    })
  const fail = async (status: 400 | 409 | 502, reason: string, data: Record<string, unknown> = {}) => {
    await update('failed', { failureReason: reason, ...data })
    return { ok: false as const, status, reason, publicationId: record.id }
  }

  try {
    const built = await buildScope(setup, scope)
    if ('missing' in built) return fail(400, built.missing)
    if (!built.part) return fail(400, problemList(built.problems))
    const { gaps } = built
    if (gaps.length > 0 && !request.confirmGaps) {
      return fail(
        409,
        bilingual(
          `メッセージのない日があります（${gaps.map((g) => `${g.tenant}/${g.language}: ${g.missing.length}日`).join('、')}）。確認のうえ「未対応を承知で公開」してください`,
          `Some days have no message (${gaps.map((g) => `${g.tenant}/${g.language}: ${g.missing.length}`).join(', ')}); confirm to publish with gaps`,
        ),
        { gaps },
      )
    }

    const prepared: PreparedPart[] = [await preparePart(built.part)]
    // Someone may publish another part meanwhile: compose on what is live, switch only if it still
    // is, and otherwise compose again on the newer one.
    for (let attempt = 1; ; attempt++) {
      const live = (await edgeApi.active(setup.edge)).active
      const parts = composeParts(
        live?.manifest ?? null,
        prepared.map((p) => p.ref),
      )
      if (typeof parts === 'string') return fail(409, parts)
      const createdAt = new Date().toISOString()
      const manifest: Manifest = {
        id: `pub-${record.id}-${attempt}-${createdAt.replace(/\D/g, '').slice(0, 14)}`,
        contractVersion: 1,
        createdAt,
        parts,
      }
      const before = live ? await indexOfManifest(payload, slugs.publications, live.manifest.id) : null
      const index: SnapshotIndex = nextIndex(built, before, parts)
      await update('uploading', { manifestId: manifest.id, parts, gaps, gapsConfirmed: gaps.length > 0 })
      let report: Awaited<ReturnType<typeof uploadSnapshot>>
      try {
        report = await uploadSnapshot(
          setup.edge,
          { manifest, parts: prepared },
          { basedOn: live?.manifest.id ?? null, actor: actorOf(who) },
        )
      } catch (error) {
        if (error instanceof EdgeRefusal && error.code === 'active-manifest-changed' && attempt < 3) continue
        throw error
      }
      await update('active', {
        previousManifestId: report.activation.previousManifestId,
        uploadedParts: report.uploaded,
        skippedParts: report.skipped,
        counts: {
          messages: built.part.kind === 'national' ? built.part.messages.length : undefined,
          tenants: parts.filter((p) => p.kind === 'tenant').length,
          localEntries: built.part.kind === 'tenant' ? built.part.localEntries.length : undefined,
        },
        diff: built.entries
          ? diffOfTenant(diffIndexes(before, index), built.entries.tenant)
          : diffIndexes(before, index),
        index,
      })
      return { ok: true, publicationId: record.id, manifestId: manifest.id }
    }
  } catch (error) {
    if (error instanceof EdgeRefusal) {
      // The edge switches only after every part has landed: a refusal leaves what is live as it was.
      const said = error.reason.includes('公開中の内容は変わっていません')
      const unchanged = bilingual('公開中の内容は変わっていません', 'What is live did not change')
      return fail(502, said ? error.reason : `${error.reason}\n${unchanged}`)
    }
    payload.logger.error({ err: error }, 'publish failed')
    return fail(
      502,
      `${bilingual(
        '公開中に予期しない問題が起きました。公開中の内容は変わっていません',
        'Publishing failed unexpectedly; what is live did not change',
      )} (${(error as Error).message})`,
    )
  }
}

/** The item index of the publication that produced a manifest, for the diff. */
export async function indexOfManifest(
  payload: Payload,
  collection: string,
  manifestId: string,
): Promise<SnapshotIndex | null> {
  const found = await payload.find({
    collection,
    where: { and: [{ manifestId: { equals: manifestId } }, { index: { exists: true } }] },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  return ((found.docs[0] as { index?: SnapshotIndex } | undefined)?.index ?? null) as SnapshotIndex | null
}
