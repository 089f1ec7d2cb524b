import { eachWithLimit } from '../../shared/concurrency'
import {
  type ActivateManifestResponse,
  chunkPart,
  groupWholeParts,
  type IngestActor,
  type PartChunkRequest,
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
  const skipped = snapshot.parts.filter((p) => live.has(p.ref.hash)).map((p) => p.ref.hash)
  await sendParts(
    edge,
    snapshot.parts.filter((p) => !live.has(p.ref.hash)),
    options.concurrency ?? 6,
    (hash) => uploaded.push(hash),
  )
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
    await sendParts(
      edge,
      snapshot.parts.filter((p) => lacking.has(p.ref.hash)),
      options.concurrency ?? 6,
      (hash) => {
        uploaded.push(hash)
        const at = skipped.indexOf(hash)
        if (at >= 0) skipped.splice(at, 1)
      },
    )
    activation = await activate()
  }
  return { activation, uploaded, skipped }
}

/**
 * Sends parts, `concurrency` requests in flight: the parts of one slice (a town's) many to a request
 * (groupWholeParts), a larger part's slices side by side. `sent` hears each part once it is stored.
 */
async function sendParts(
  edge: EdgeTarget,
  parts: readonly PreparedPart[],
  concurrency: number,
  sent: (hash: string) => void,
): Promise<void> {
  const whole: PartChunkRequest[] = []
  const sliced: PartChunkRequest[][] = []
  for (const part of parts) {
    const chunks = await chunkPart(part)
    if (chunks.length === 1) whole.push(chunks[0]!)
    else sliced.push(chunks)
  }
  // A part's last slice goes once all its others are stored: the edge checks the whole part when the
  // last one lands, and does it once. Slices first, so that check runs while the towns travel.
  const lastSlices: Promise<void>[] = []
  const work: (() => Promise<void>)[] = [
    ...sliced.flatMap((chunks) => {
      let left = chunks.length - 1
      let othersStored: () => void = () => {}
      lastSlices.push(
        new Promise<void>((resolve) => {
          othersStored = resolve
        }).then(async () => {
          await edgeApi.sendChunk(edge, chunks.at(-1)!)
          sent(chunks[0]!.part.hash)
        }),
      )
      return chunks.slice(0, -1).map((chunk) => async () => {
        await edgeApi.sendChunk(edge, chunk)
        if (--left === 0) othersStored()
      })
    }),
    ...groupWholeParts(whole).map((group) => async () => {
      await edgeApi.sendWholeParts(edge, group)
      for (const chunk of group) sent(chunk.part.hash)
    }),
  ]
  await Promise.all([eachWithLimit(work, concurrency, (send) => send()), ...lastSlices])
}
