import type { NationalPart, PreparedPart } from '../../shared/contract'

/** What a snapshot holds, item by item: message keys to id@version, tenant slugs to part hashes. */
export interface SnapshotIndex {
  messages: Record<string, string>
  tenants: Record<string, string>
}

export interface SnapshotDiff {
  added: string[]
  changed: string[]
  removed: string[]
}

export function indexOf(national: NationalPart | null, tenantParts: readonly PreparedPart[]): SnapshotIndex {
  const messages: Record<string, string> = {}
  for (const m of national?.messages ?? [])
    messages[`${m.slot} ${m.audience} ${m.language}`] = `${m.id}@${m.version}`
  const tenants: Record<string, string> = {}
  for (const p of tenantParts) if (p.ref.kind === 'tenant') tenants[p.ref.tenant] = p.ref.hash
  return { messages, tenants }
}

/** Added / changed / removed against what is active; an empty `before` is the first publish. */
export function diffIndexes(before: SnapshotIndex | null, after: SnapshotIndex): SnapshotDiff {
  const diff: SnapshotDiff = { added: [], changed: [], removed: [] }
  const compare = (prefix: string, old: Record<string, string>, next: Record<string, string>) => {
    for (const [key, value] of Object.entries(next)) {
      if (!(key in old)) diff.added.push(`${prefix}${key}`)
      else if (old[key] !== value) diff.changed.push(`${prefix}${key}`)
    }
    for (const key of Object.keys(old)) if (!(key in next)) diff.removed.push(`${prefix}${key}`)
  }
  compare('message ', before?.messages ?? {}, after.messages)
  compare('tenant ', before?.tenants ?? {}, after.tenants)
  return diff
}
