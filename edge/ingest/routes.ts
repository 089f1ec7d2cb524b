import { Hono } from 'hono'
import { z } from 'zod'
import {
  type ActivateManifestResponse,
  type ActivationHistoryResponse,
  type ActiveManifestResponse,
  activateManifestRequest,
  activationHistoryQuery,
  bilingual,
  canonicalJson,
  hashHex,
  type PartChunkResponse,
  partChunkRequest,
  partStatusRequest,
  rollbackRequest,
  type WholePartsResponse,
  wholePartsRequest,
} from '../../shared/contract'
import { enqueueReschedule } from '../delivery/reschedule-queue'
import type { Env } from '../env'
import { placeManifestTenants } from '../shards/map'
import { type Activation, activateManifest, readActiveManifest } from '../snapshot/active'
import { readActivations } from '../snapshot/history'
import { missingParts, partStatus, partStatuses, readManifest } from '../snapshot/status'
import { maxPartBytes, recordManifest, storeChunk, storeWholeParts } from '../snapshot/store'
import { requireIngestToken } from './bearer'
import { ingestFailure } from './failure'
import { flaggedRoutes } from './flagged-routes'
import { linkRoutes } from './link-routes'
import { reportRoutes } from './report-routes'
import { contractBody, ingestValid, jsonBody } from './request'
import { shardRoutes } from './shard-routes'
import { staffRoleRoutes } from './staff-role-routes'
import { tenantSecretRoutes } from './tenant-secret-routes'

type Activated = Extract<Activation, { activated: true }>

const partParam = z.object({
  hash: z.string().refine((hash) => hashHex.safeParse(hash).success, {
    error: bilingual('SHA-256 (hex) ではありません', 'Not a SHA-256 hex hash'),
  }),
})

function activationBody(a: Activated): ActivateManifestResponse {
  return {
    manifestId: a.manifestId,
    active: true,
    activatedAt: a.activatedAt,
    previousManifestId: a.previousManifestId,
  }
}

/**
 * The CMS's only way in: parts by slices, manifests, the switch and rollback, under INGEST_TOKEN.
 * The operator's routes mounted here each check their own secret (bearer.ts).
 */
export const ingestRoutes = new Hono<{ Bindings: Env }>()
  .post('/chunks', requireIngestToken, contractBody(partChunkRequest), async (c) => {
    const chunk = c.req.valid('json')
    const outcome = await storeChunk(c.env.DB, chunk, new Date())
    if (!outcome.ok) {
      if (outcome.reason === 'part-too-large') {
        return ingestFailure(c, 'invalid-request', [
          {
            path: 'part.size',
            message: bilingual(
              `パートが大きすぎるか、チャンクの合計が宣言されたサイズを超えています（上限 ${maxPartBytes} バイト）`,
              `The part is too large, or its chunks add up to more than its declared size (limit ${maxPartBytes} bytes)`,
            ),
          },
        ])
      }
      return ingestFailure(c, outcome.reason === 'part-kind-mismatch' ? 'part-invalid' : outcome.reason, [
        { path: 'part.hash', message: chunk.part.hash },
      ])
    }
    const body: PartChunkResponse = {
      hash: chunk.part.hash,
      index: chunk.index,
      received: outcome.received,
      count: chunk.count,
      verified: outcome.verified,
    }
    return c.json(body)
  })
  .post('/parts', requireIngestToken, contractBody(wholePartsRequest), async (c) => {
    const { parts } = c.req.valid('json')
    const outcome = await storeWholeParts(c.env.DB, parts, new Date())
    if (!outcome.ok) {
      if (outcome.reason === 'part-too-large') {
        return ingestFailure(c, 'invalid-request', [
          {
            path: 'parts.part.size',
            message: bilingual(
              `パートが大きすぎるか、宣言されたサイズを超えています（上限 ${maxPartBytes} バイト）: ${outcome.hash}`,
              `The part is too large, or larger than its declared size (limit ${maxPartBytes} bytes): ${outcome.hash}`,
            ),
          },
        ])
      }
      return ingestFailure(c, outcome.reason === 'part-kind-mismatch' ? 'part-invalid' : outcome.reason, [
        { path: 'parts.part.hash', message: outcome.hash },
      ])
    }
    const body: WholePartsResponse = {
      parts: parts.map((chunk) => ({
        hash: chunk.part.hash,
        index: 0,
        received: 1,
        count: 1,
        verified: true,
      })),
    }
    return c.json(body)
  })
  .post('/manifests', requireIngestToken, contractBody(activateManifestRequest), async (c) => {
    const { manifest, activate, basedOn, actor } = c.req.valid('json')
    const db = c.env.DB
    const existing = await readManifest(db, manifest.id)
    if (existing && canonicalJson(existing) !== canonicalJson(manifest)) {
      return ingestFailure(c, 'invalid-request', [
        {
          path: 'manifest.id',
          message: `${manifest.id} は別の内容で記録済みです / ${manifest.id} was already recorded with other content`,
        },
      ])
    }
    // Nothing is recorded for a manifest whose parts are not all here: a failed publish leaves no trace.
    const missing = await missingParts(db, manifest)
    if (missing.length > 0) {
      return ingestFailure(
        c,
        'missing-parts',
        missing.map((hash) => ({ path: 'manifest.parts', message: hash })),
      )
    }
    const now = new Date()
    await recordManifest(db, manifest, now)
    if (!activate) {
      const body: ActivateManifestResponse = {
        manifestId: manifest.id,
        active: false,
        activatedAt: null,
        previousManifestId: (await readActiveManifest(db))?.manifestId ?? null,
      }
      return c.json(body, 201)
    }
    await placeManifestTenants(c.env, manifest.id, now)
    const activation = await activateManifest(db, manifest.id, now, basedOn, { action: 'publish', actor })
    if (!activation.activated) return ingestFailure(c, activation.reason)
    // Subscribers of tenants whose program changed are rescheduled through the queue, in bounded pieces.
    await enqueueReschedule(c.env.RESCHEDULE_QUEUE, activation)
    return c.json(activationBody(activation), 201)
  })
  .get('/manifests/active', requireIngestToken, async (c) => {
    const db = c.env.DB
    const active = await readActiveManifest(db)
    const manifest = active ? await readManifest(db, active.manifestId) : null
    const body: ActiveManifestResponse = {
      active:
        active && manifest
          ? { manifest, activatedAt: active.activatedAt, previousManifestId: active.previousManifestId }
          : null,
    }
    return c.json(body)
  })
  .get('/activations', requireIngestToken, ingestValid('query', activationHistoryQuery), async (c) => {
    const body: ActivationHistoryResponse = {
      activations: await readActivations(c.env.DB, c.req.valid('query')),
    }
    return c.json(body)
  })
  .get('/parts/:hash', requireIngestToken, ingestValid('param', partParam), async (c) => {
    return c.json(await partStatus(c.env.DB, c.req.valid('param').hash))
  })
  .post('/parts/status', requireIngestToken, jsonBody(partStatusRequest), async (c) => {
    return c.json({ parts: await partStatuses(c.env.DB, c.req.valid('json').hashes) })
  })
  .post('/rollback', requireIngestToken, contractBody(rollbackRequest), async (c) => {
    const { manifestId, actor } = c.req.valid('json')
    const now = new Date()
    await placeManifestTenants(c.env, manifestId, now)
    const activation = await activateManifest(c.env.DB, manifestId, now, undefined, {
      action: 'rollback',
      actor,
    })
    if (!activation.activated) return ingestFailure(c, activation.reason)
    await enqueueReschedule(c.env.RESCHEDULE_QUEUE, activation)
    console.info('ingest: rolled back', activation.previousManifestId, '->', activation.manifestId)
    return c.json(activationBody(activation))
  })
  .route('/tenants', tenantSecretRoutes)
  .route('/tenants', flaggedRoutes)
  .route('/shards', shardRoutes)
  .route('/links', linkRoutes)
  .route('/reports', reportRoutes)
  .route('/', staffRoleRoutes)
