// Publishes a snapshot (the contract's fixture by default) to a running Worker through its ingest
// API, as the CMS does: every chunk, then the manifest with activate.
import { chunkPart, contractVersion } from '../../shared/contract'
import { fixtureSnapshot } from '../../shared/contract/fixture'
import type { PreparedSnapshot } from '../../shared/contract/snapshot'

/** Publishes a snapshot to a running Worker through its ingest API, as the CMS does, and activates it. */
export async function publishSnapshot(url: string, token: string, snapshot: PreparedSnapshot): Promise<void> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
  for (const part of snapshot.parts)
    for (const chunk of await chunkPart(part)) {
      const response = await fetch(`${url}/ingest/chunks`, {
        method: 'POST',
        headers,
        body: JSON.stringify(chunk),
      })
      if (!response.ok) throw new Error(`chunk refused: ${response.status} ${await response.text()}`)
    }
  const response = await fetch(`${url}/ingest/manifests`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ contractVersion, manifest: snapshot.manifest, activate: true }),
  })
  if (!response.ok) throw new Error(`manifest refused: ${response.status} ${await response.text()}`)
}

export async function publishFixture(url: string, token: string): Promise<void> {
  await publishSnapshot(url, token, await fixtureSnapshot())
}
