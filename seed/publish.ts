import type { Payload } from 'payload'
import { approvedAnnouncements } from '../cms/publish/announcements'
import { approvedNationalPart } from '../cms/publish/approved-national'
import { snapshotIndex } from '../cms/publish/build'
import { composeParts } from '../cms/publish/compose-manifest'
import { defaultContentSlugs, publishedEntries, tenantDocs } from '../cms/publish/content'
import { type EdgeTarget, edgeApi } from '../cms/publish/edge-client'
import { approvedSurveyDocs, surveysOf } from '../cms/publish/surveys'
import { approvedTasks } from '../cms/publish/tasks'
import { buildTenantPart } from '../cms/publish/tenant-part'
import { uploadSnapshot } from '../cms/publish/upload'
import { type PreparedPart, preparePart, sha256Hex, type TenantPart } from '../shared/contract'
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
  // The national tasks, and the approved surveys a task may wait for (the 8-month questionnaire).
  const tasks = await approvedTasks(payload, slugs, null)
  if (tasks.problems.length) throw refusal(problemText(tasks.problems))
  const national = await approvedNationalPart(
    payload,
    slugs,
    surveysOf(await approvedSurveyDocs(payload, slugs)),
    tasks.tasks,
  )
  if (!national.part) throw refusal(problemText(national.problems))
  const seeded = new Map(loadSeedTenants().map((t) => [t.settings.slug, t]))
  const tenantParts: TenantPart[] = []
  let localEntries = 0
  for (const doc of await tenantDocs(payload, slugs)) {
    if (!seeded.has(doc.slug)) continue
    const entries = await publishedEntries(payload, slugs, doc.id)
    // Its approved announcements too (the sample one), as the admin's publish builds the part.
    const built = buildTenantPart(
      doc,
      entries,
      [],
      { standard: standardProgram },
      await approvedAnnouncements(payload, doc.id),
    )
    if (!built.part) throw refusal(problemText(built.problems))
    localEntries += built.part.localEntries.length
    tenantParts.push(built.part)
  }

  const prepared = await Promise.all([national.part, ...tenantParts].map(preparePart))
  const live = (await edgeApi.active(edge)).active?.manifest ?? null
  const liveHashes = new Set(live?.parts.map((p) => p.hash))
  const counts = { messages: national.part.messages.length, tenants: tenantParts.length, localEntries }
  const record = (manifestId: string) =>
    recordAsLive(payload, manifestId, national.part!, tenantParts, prepared)
  if (live && prepared.every((p) => liveHashes.has(p.ref.hash))) {
    await record(live.id)
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
  await record(manifest.id)
  return { manifestId: manifest.id, changed: true, ...counts }
}

/**
 * Records the seed's manifest as a publication that became active, with its item index, as the
 * publish action records its own: the publish screen then compares with what is really live and,
 * right after `npm start`, shows nothing to publish (not every seeded message as "added").
 */
async function recordAsLive(
  payload: Payload,
  manifestId: string,
  national: Parameters<typeof snapshotIndex>[0],
  tenantParts: readonly TenantPart[],
  prepared: readonly PreparedPart[],
): Promise<void> {
  const publications = 'publications'
  const known = await payload.count({
    collection: publications,
    where: { and: [{ manifestId: { equals: manifestId } }, { index: { exists: true } }] },
    overrideAccess: true,
  })
  if (known.totalDocs > 0) return
  const hashOf = new Map(prepared.map((p) => [p.ref.kind === 'tenant' ? p.ref.tenant : '', p.ref.hash]))
  const index = await snapshotIndex(
    national,
    tenantParts.map((part) => ({ part, hash: hashOf.get(part.tenant.slug) ?? '' })),
  )
  await payload.create({
    collection: publications,
    overrideAccess: true,
    data: {
      scope: 'national',
      state: 'active',
      manifestId,
      parts: prepared.map((p) => p.ref),
      counts: { messages: national.messages.length, tenants: tenantParts.length },
      index,
    },
  })
}

function refusal(detail: string): SeedRefusal {
  return new SeedRefusal(
    'publish-failed',
    `${bilingual('サンプルを公開できませんでした', 'The sample content could not be published')}\n${detail}`,
  )
}
