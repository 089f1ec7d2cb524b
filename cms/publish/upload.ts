import { eachWithLimit } from '../../shared/concurrency'
import {
  type ActivateManifestResponse,
  chunkPart,
  type IngestActor,
  type PreparedPart,
  type PreparedSnapshot,
} from '../../shared/contract'
import { EdgeRefusal, type EdgeTarget, edgeApi } from './edge-client'

export interface UploadReport {
  activation: ActivateManifestResponse
  /** Parts sent in this publish. */
  uploaded: string[]
  /** Parts the edge already had, so they were not sent again. */
  skipped: string[]
}

/**
 * Sends what the edge lacks, then asks it to switch. Parts the active manifest names are there and
 * verified by construction; any other part is asked about, so an interrupted publish resumes.
 */
export async function uploadSnapshot(
  edge: EdgeTarget,
  snapshot: PreparedSnapshot,
  options: {
    activate?: boolean
    concurrency?: number
    basedOn?: string | null
    actor?: IngestActor
  } = {},
): Promise<UploadReport> {
  const active = await edgeApi.active(edge)
  const live = new Set(active.active?.manifest.parts.map((p) => p.hash) ?? [])
  const unknown = snapshot.parts.map((p) => p.ref.hash).filter((hash) => !live.has(hash))
  for (let i = 0; i < unknown.length; i += 1000) {
    const { parts } = await edgeApi.partStatuses(edge, unknown.slice(i, i + 1000))
    for (const status of parts) if (status.verified) live.add(status.hash)
  }
  const uploaded: string[] = []
  const skipped: string[] = []
  await eachWithLimit(snapshot.parts, options.concurrency ?? 6, async (part) => {
    if (live.has(part.ref.hash)) {
      skipped.push(part.ref.hash)
      return
    }
    await sendPart(edge, part)
    uploaded.push(part.ref.hash)
  })
  const activate = () =>
    edgeApi.activate(edge, snapshot.manifest, options.activate ?? true, options.basedOn, options.actor)
  let activation: ActivateManifestResponse
  try {
    activation = await activate()
  } catch (error) {
    // A part the edge had when asked may have been pruned since (it was in no manifest): send
    // whatever it lacks now, once, and switch again.
    if (!(error instanceof EdgeRefusal) || error.code !== 'missing-parts') throw error
    const lacking = new Set<string>()
    const hashes = snapshot.parts.map((p) => p.ref.hash)
    for (let i = 0; i < hashes.length; i += 1000) {
      const { parts } = await edgeApi.partStatuses(edge, hashes.slice(i, i + 1000))
      for (const status of parts) if (!status.verified) lacking.add(status.hash)
    }
    await eachWithLimit(
      snapshot.parts.filter((p) => lacking.has(p.ref.hash)),
      options.concurrency ?? 6,
      async (part) => {
        await sendPart(edge, part)
        uploaded.push(part.ref.hash)
        const at = skipped.indexOf(part.ref.hash)
        if (at >= 0) skipped.splice(at, 1)
      },
    )
    activation = await activate()
  }
  return { activation, uploaded, skipped }
}

async function sendPart(edge: EdgeTarget, part: PreparedPart): Promise<void> {
  for (const chunk of await chunkPart(part)) await edgeApi.sendChunk(edge, chunk)
}
