import { exports } from 'cloudflare:workers'
import { chunkPart, contractVersion, type PreparedSnapshot } from '../../../shared/contract'

// Talks to the Worker's ingest API the way the CMS does, through the Worker's own fetch.

/** One secret per capability under /ingest (tests/edge/vitest.config.ts binds them). */
export const ingestTokens = {
  publishing: 'test-ingest-token',
  secrets: 'test-secrets-token',
  decisions: 'test-decisions-token',
  operations: 'test-operations-token',
} as const

export const ingestToken = ingestTokens.publishing

export function ingest(path: string, init: { method?: string; body?: unknown; token?: string | null } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  const token = init.token === undefined ? ingestToken : init.token
  if (token !== null) headers.authorization = `Bearer ${token}`
  return exports.default.fetch(`http://edge.test/ingest${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  })
}

export async function uploadParts(snapshot: PreparedSnapshot, chunkLength?: number): Promise<void> {
  for (const part of snapshot.parts) {
    for (const chunk of await chunkPart(part, chunkLength)) {
      const response = await ingest('/chunks', { body: chunk })
      if (!response.ok) throw new Error(`chunk refused: ${response.status} ${await response.text()}`)
    }
  }
}

export async function publish(snapshot: PreparedSnapshot): Promise<Response> {
  await uploadParts(snapshot)
  return ingest('/manifests', { body: { contractVersion, manifest: snapshot.manifest } })
}

export async function activeManifestId(): Promise<string | null> {
  const body = (await (await ingest('/manifests/active')).json()) as {
    active: { manifest: { id: string } } | null
  }
  return body.active?.manifest.id ?? null
}
