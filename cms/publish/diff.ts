import type { NationalPart, PreparedPart } from '../../shared/contract'

/** A local entry as an index remembers it: enough to tell a change and name it. */
export interface EntryIndex {
  version: number
  title: string
  /** Part of the SHA-256 of the entry's canonical JSON. */
  hash: string
}

/**
 * What a snapshot holds, item by item: message keys (`slot audience language`) to id@version,
 * tenant slugs to part hashes, and local entries (`tenant entryId`).
 */
export interface SnapshotIndex {
  messages: Record<string, string>
  tenants: Record<string, string>
  entries?: Record<string, EntryIndex>
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
  const entryKeys = (entries: SnapshotIndex['entries']) =>
    Object.fromEntries(Object.entries(entries ?? {}).map(([key, e]) => [key, `${e.version}:${e.hash}`]))
  compare('message ', before?.messages ?? {}, after.messages)
  compare('tenant ', before?.tenants ?? {}, after.tenants)
  compare('entry ', entryKeys(before?.entries), entryKeys(after.entries))
  return diff
}

/**
 * What a tenant's publication changed: its own part and entries only. Other towns' parts can look
 * added when what was live is unknown, and the record is read by staff who see only their town.
 */
export function diffOfTenant(diff: SnapshotDiff, slug: string): SnapshotDiff {
  const own = (key: string) => key === `tenant ${slug}` || key.startsWith(`entry ${slug} `)
  return {
    added: diff.added.filter(own),
    changed: diff.changed.filter(own),
    removed: diff.removed.filter(own),
  }
}

/** A message slot's change, for people: which key, and the id@version before and after. */
export interface MessageChange {
  slot: string
  audience: string
  language: string
  before: string | null
  after: string | null
}

export interface EntryChange {
  tenant: string
  id: string
  title: string
  before: number | null
  after: number | null
}

/** The diff a person reads before publishing: messages by slot, local entries by tenant. */
export interface DetailedDiff {
  messages: { added: MessageChange[]; changed: MessageChange[]; removed: MessageChange[] }
  entries: { added: EntryChange[]; changed: EntryChange[]; removed: EntryChange[] }
}

export function detailedDiff(before: SnapshotIndex | null, after: SnapshotIndex): DetailedDiff {
  const out: DetailedDiff = {
    messages: { added: [], changed: [], removed: [] },
    entries: { added: [], changed: [], removed: [] },
  }
  const oldMessages = before?.messages ?? {}
  const messageOf = (key: string): MessageChange => {
    const [slot = key, audience = '', language = ''] = key.split(' ')
    return { slot, audience, language, before: oldMessages[key] ?? null, after: after.messages[key] ?? null }
  }
  for (const [key, value] of Object.entries(after.messages)) {
    if (!(key in oldMessages)) out.messages.added.push(messageOf(key))
    else if (oldMessages[key] !== value) out.messages.changed.push(messageOf(key))
  }
  for (const key of Object.keys(oldMessages))
    if (!(key in after.messages)) out.messages.removed.push(messageOf(key))

  const oldEntries = before?.entries ?? {}
  const newEntries = after.entries ?? {}
  const entryOf = (key: string): EntryChange => {
    const [tenant = '', ...rest] = key.split(' ')
    const entry = newEntries[key] ?? oldEntries[key]!
    return {
      tenant,
      id: rest.join(' '),
      title: entry.title,
      before: oldEntries[key]?.version ?? null,
      after: newEntries[key]?.version ?? null,
    }
  }
  for (const [key, value] of Object.entries(newEntries)) {
    const old = oldEntries[key]
    if (!old) out.entries.added.push(entryOf(key))
    else if (old.hash !== value.hash || old.version !== value.version) out.entries.changed.push(entryOf(key))
  }
  for (const key of Object.keys(oldEntries)) if (!(key in newEntries)) out.entries.removed.push(entryOf(key))
  const bySlot = (a: MessageChange, b: MessageChange) =>
    a.slot.localeCompare(b.slot, 'en', { numeric: true }) || a.audience.localeCompare(b.audience)
  for (const list of Object.values(out.messages)) list.sort(bySlot)
  return out
}
