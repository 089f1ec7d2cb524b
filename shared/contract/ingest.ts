import { z } from 'zod'
import { sha256Hex } from './hash'
import { manifest, manifestId, partRef } from './manifest'
import { bilingual } from './messages'
import { hashHex, instant } from './primitives'
import type { PreparedPart } from './snapshot'
import { contractVersion, contractVersionField } from './version'

// Parts travel as slices of their canonical JSON text, each small enough for one D1 row and one
// request. 256 Ki UTF-16 units are at most 768 KiB of UTF-8, under D1's 2 MB value limit.
export const maxChunkLength = 256 * 1024

/** POST /ingest/chunks — one slice of one part. */
export const partChunkRequest = z
  .object({
    contractVersion: contractVersionField,
    part: partRef,
    index: z.int().min(0),
    count: z.int().min(1).max(10_000),
    /** SHA-256 of this slice alone, so a corrupted chunk is refused on arrival. */
    chunkHash: hashHex,
    data: z.string().min(1).max(maxChunkLength),
  })
  .refine((chunk) => chunk.index < chunk.count, {
    path: ['index'],
    error: bilingual('チャンク番号が総数を超えています', 'Chunk index is not below the chunk count'),
  })
export type PartChunkRequest = z.infer<typeof partChunkRequest>

export const partChunkResponse = z.object({
  hash: hashHex,
  index: z.int().min(0),
  received: z.int().min(0),
  count: z.int().min(1),
  /** True once every chunk landed and the whole part matched its hash. */
  verified: z.boolean(),
})
export type PartChunkResponse = z.infer<typeof partChunkResponse>

/** At most this many whole parts travel in one POST /ingest/parts. */
export const maxWholePartsPerRequest = 100

/**
 * POST /ingest/parts — small parts many at a time, each whole in one slice (count 1), their data
 * together at most one slice's length: a national publish's 1,741 town parts travel in a few dozen
 * requests and D1 writes, not 1,741. A part of several slices goes slice by slice (/chunks).
 */
export const wholePartsRequest = z
  .object({
    contractVersion: contractVersionField,
    parts: z.array(partChunkRequest).min(1).max(maxWholePartsPerRequest),
  })
  .refine((request) => request.parts.every((chunk) => chunk.count === 1), {
    path: ['parts'],
    error: bilingual('一度に送れるのは1チャンクのパートだけです', 'Only parts of one chunk travel together'),
  })
  .refine((request) => request.parts.reduce((sum, chunk) => sum + chunk.data.length, 0) <= maxChunkLength, {
    path: ['parts'],
    error: bilingual(
      `パートの合計が1チャンクの上限（${maxChunkLength} 文字）を超えています`,
      `The parts together exceed one chunk's limit (${maxChunkLength} characters)`,
    ),
  })
export type WholePartsRequest = z.infer<typeof wholePartsRequest>

export const wholePartsResponse = z.object({ parts: z.array(partChunkResponse) })
export type WholePartsResponse = z.infer<typeof wholePartsResponse>

/** Single-slice parts' chunks in groups that each fit one POST /ingest/parts, in the order given. */
export function groupWholeParts(chunks: readonly PartChunkRequest[]): PartChunkRequest[][] {
  const groups: PartChunkRequest[][] = []
  let group: PartChunkRequest[] = []
  let length = 0
  for (const chunk of chunks) {
    if (
      group.length > 0 &&
      (group.length >= maxWholePartsPerRequest || length + chunk.data.length > maxChunkLength)
    ) {
      groups.push(group)
      group = []
      length = 0
    }
    group.push(chunk)
    length += chunk.data.length
  }
  if (group.length > 0) groups.push(group)
  return groups
}

/** The CMS user asking for a switch, recorded in the edge's activation history (staff only). */
export const ingestActor = z.object({ id: z.string().min(1).max(64), name: z.string().min(1).max(200) })
export type IngestActor = z.infer<typeof ingestActor>

/** POST /ingest/manifests — record the manifest and make it active, or only record it. */
export const activateManifestRequest = z.object({
  contractVersion: contractVersionField,
  manifest,
  /** false stores the manifest for a later switch (e.g. a scheduled publish). */
  activate: z.boolean().default(true),
  /**
   * The manifest this one was composed from (null: none was active). The switch happens only if
   * that is still the active one, so two people publishing different parts at once never undo
   * each other; the later one is told to compose again.
   */
  basedOn: manifestId.nullable().optional(),
  actor: ingestActor.optional(),
})
export type ActivateManifestRequest = z.infer<typeof activateManifestRequest>

export const activateManifestResponse = z.object({
  manifestId,
  active: z.boolean(),
  activatedAt: instant.nullable(),
  previousManifestId: manifestId.nullable(),
})
export type ActivateManifestResponse = z.infer<typeof activateManifestResponse>

/** GET /ingest/manifests/active — what the edge serves now; null before the first publish. */
export const activeManifestResponse = z.object({
  active: z.object({ manifest, activatedAt: instant, previousManifestId: manifestId.nullable() }).nullable(),
})
export type ActiveManifestResponse = z.infer<typeof activeManifestResponse>

/** GET /ingest/parts/{hash} — whether a part need not be uploaded again. */
export const partStatusResponse = z.object({
  hash: hashHex,
  exists: z.boolean(),
  verified: z.boolean(),
})
export type PartStatusResponse = z.infer<typeof partStatusResponse>

/** POST /ingest/parts/status — the same question for many parts in one request. */
export const partStatusRequest = z.object({ hashes: z.array(hashHex).min(1).max(1000) })
export const partStatusListResponse = z.object({ parts: z.array(partStatusResponse) })
export type PartStatusListResponse = z.infer<typeof partStatusListResponse>

/** POST /ingest/rollback — make an earlier, recorded manifest active again. */
export const rollbackRequest = z.object({
  contractVersion: contractVersionField,
  manifestId,
  actor: ingestActor.optional(),
})
export type RollbackRequest = z.infer<typeof rollbackRequest>

/** One switch of the active manifest, as the edge recorded it. */
export const activationRecord = z.object({
  id: z.int().min(1),
  manifestId,
  previousManifestId: manifestId.nullable(),
  action: z.enum(['publish', 'rollback']),
  activatedAt: instant,
  actor: ingestActor.nullable(),
  /** Whether the manifest is still stored, so a rollback to it can succeed. */
  available: z.boolean(),
})
export type ActivationRecord = z.infer<typeof activationRecord>

/** GET /ingest/activations?limit=&before= — newest first; `before` pages to older ones by id. */
export const activationHistoryQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.coerce.number().int().min(1).optional(),
})
export const activationHistoryResponse = z.object({ activations: z.array(activationRecord) })
export type ActivationHistoryResponse = z.infer<typeof activationHistoryResponse>

export const ingestErrorCodes = [
  'unauthorized',
  'token-not-set',
  'invalid-request',
  'unsupported-contract-version',
  'chunk-hash-mismatch',
  'part-hash-mismatch',
  'part-invalid',
  'missing-parts',
  'active-manifest-changed',
  'unknown-manifest',
  'unknown-tenant',
  'tenant-secrets-unavailable',
  'unknown-delivery',
  'delivery-not-flagged',
] as const

export const ingestError = z.object({
  error: z.object({
    code: z.enum(ingestErrorCodes),
    /** Japanese first, then English. */
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
})
export type IngestError = z.infer<typeof ingestError>

/** Splits a prepared part into the chunk requests that carry it. */
export async function chunkPart(part: PreparedPart, length = maxChunkLength): Promise<PartChunkRequest[]> {
  const text = part.canonical
  const slices: string[] = []
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + length, text.length)
    // Never split a surrogate pair: a lone half cannot be stored as UTF-8 text.
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1
    slices.push(text.slice(start, end))
    start = end
  }
  return Promise.all(
    slices.map(async (data, index) => ({
      contractVersion,
      part: part.ref,
      index,
      count: slices.length,
      chunkHash: await sha256Hex(data),
      data,
    })),
  )
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}
