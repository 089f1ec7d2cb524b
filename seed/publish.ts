import type { Payload } from 'payload'
import { composeParts } from '../cms/publish/compose-manifest'
import { approvedVersions, defaultContentSlugs, publishedEntries, tenantDocs } from '../cms/publish/content'
import { type EdgeTarget, edgeApi } from '../cms/publish/edge-client'
import { buildNationalPart } from '../cms/publish/national-part'
import { buildTenantPart } from '../cms/publish/tenant-part'
import { uploadSnapshot } from '../cms/publish/upload'
import { preparePart, type SnapshotPart, sha256Hex } from '../shared/contract'
import { standardProgram } from '../shared/program'
import { bilingual, SeedRefusal } from './refusal'
import { loadSeedTenants } from './tenants'

export interface SeedPublication {
  manifestId: string
  /** False when the edge already served exactly these parts (nothing was sent). */
  changed: boolean
  messages: number
  tenants: number
  localEntries: number
}

/** Publishes everything seeded to `edge`; returns the id of the manifest the edge now serves. */
export async function publishSeed(options: { payload: Payload; edge: EdgeTarget }): Promise<string> {
  return (await publishSeedParts(options.payload, options.edge)).manifestId
}

const problemText = (problems: { where: string; message: string }[]) =>
  problems
    .slice(0, 5)
    .map((p) => `${p.where}: ${p.message}`)
    .join('\n')

/**
 * Publishes the national part and every seeded tenant's part to `edge` as one manifest, built by
 * cms/publish from approved and published content only. Parts of other tenants live at the edge
 * stay as they are; when the edge already serves these exact parts nothing is sent.
 */
export async function publishSeedParts(payload: Payload, edge: EdgeTarget): Promise<SeedPublication> {
  const slugs = defaultContentSlugs
  const national = buildNationalPart(await approvedVersions(payload, slugs))
  if (!national.part) throw refusal(problemText(national.problems))
  const seeded = new Map(loadSeedTenants().map((t) => [t.settings.slug, t]))
  const tenantParts: SnapshotPart[] = []
  let localEntries = 0
  for (const doc of await tenantDocs(payload, slugs)) {
    if (!seeded.has(doc.slug)) continue
    const entries = await publishedEntries(payload, slugs, doc.id)
    const built = buildTenantPart(doc, entries, [], { standard: standardProgram })
    if (!built.part) throw refusal(problemText(built.problems))
    localEntries += built.part.localEntries.length
    tenantParts.push(built.part)
  }

  const prepared = await Promise.all([national.part, ...tenantParts].map(preparePart))
  const live = (await edgeApi.active(edge)).active?.manifest ?? null
  const liveHashes = new Set(live?.parts.map((p) => p.hash))
  const counts = { messages: national.part.messages.length, tenants: tenantParts.length, localEntries }
  if (live && prepared.every((p) => liveHashes.has(p.ref.hash))) {
    return { manifestId: live.id, changed: false, ...counts }
  }
  const parts = composeParts(
    live,
    prepared.map((p) => p.ref),
  )
  if (typeof parts === 'string') throw refusal(parts)
  const digest = await sha256Hex(parts.map((p) => p.hash).join(','))
  const manifest = {
    id: `seed-${digest.slice(0, 16)}`,
    contractVersion: 1 as const,
    createdAt: new Date().toISOString(),
    parts,
  }
  await uploadSnapshot(edge, { manifest, parts: prepared })
  return { manifestId: manifest.id, changed: true, ...counts }
}

function refusal(detail: string): SeedRefusal {
  return new SeedRefusal(
    'publish-failed',
    `${bilingual('サンプルを公開できませんでした', 'The sample content could not be published')}\n${detail}`,
  )
}
