import { canonicalJson, sha256Hex, utf8Size } from './hash'
import type { Manifest, PartRef } from './manifest'
import type { SnapshotPart } from './part'
import { contractVersion } from './version'

/** A part ready to send: its reference for the manifest and the exact text that was hashed. */
export interface PreparedPart {
  ref: PartRef
  canonical: string
}

export async function preparePart(part: SnapshotPart): Promise<PreparedPart> {
  const canonical = canonicalJson(part)
  const hash = await sha256Hex(canonical)
  const size = utf8Size(canonical)
  const ref: PartRef =
    part.kind === 'national'
      ? { kind: 'national', hash, size }
      : { kind: 'tenant', hash, size, tenant: part.tenant.slug }
  return { ref, canonical }
}

export interface PreparedSnapshot {
  manifest: Manifest
  parts: PreparedPart[]
}

/** Hashes every part and names them in a new manifest. */
export async function prepareSnapshot(input: {
  id: string
  createdAt: string
  parts: readonly SnapshotPart[]
}): Promise<PreparedSnapshot> {
  const parts = await Promise.all(input.parts.map(preparePart))
  return {
    manifest: { id: input.id, contractVersion, createdAt: input.createdAt, parts: parts.map((p) => p.ref) },
    parts,
  }
}
