import type { Payload } from 'payload'
import { keyInWords } from '../../plugin/views/keyInWords'
import type { DetailedDiff } from '../diff'

/** The rows of the change list a page shows. */
export const changesPerPage = 50

export type ChangeKind = 'added' | 'changed' | 'removed'

/** One message change as a person reads it: the day and audience in words, the subject. */
export interface MessageChangeRow {
  key: string
  kind: ChangeKind
  inWords: string
  subject: string
  before: string | null
  after: string | null
}

export interface ChangeSummary {
  messages: Record<ChangeKind, number>
  entries: Record<ChangeKind, number>
}

const kinds: ChangeKind[] = ['added', 'changed', 'removed']

export function summaryOf(diff: DetailedDiff): ChangeSummary {
  const count = (lists: Record<ChangeKind, unknown[]>) =>
    Object.fromEntries(kinds.map((k) => [k, lists[k].length])) as Record<ChangeKind, number>
  return { messages: count(diff.messages), entries: count(diff.entries) }
}

/** One page of the message changes (changed first, then added, then removed), with their subjects. */
export async function messageChangePage(
  payload: Payload,
  messagesSlug: string,
  diff: DetailedDiff,
  page: number,
): Promise<{ rows: MessageChangeRow[]; page: number; pages: number; total: number }> {
  const all = (['changed', 'added', 'removed'] as const).flatMap((kind) =>
    diff.messages[kind].map((m) => ({ kind, ...m })),
  )
  const pages = Math.max(1, Math.ceil(all.length / changesPerPage))
  const current = Math.min(Math.max(1, page), pages)
  const slice = all.slice((current - 1) * changesPerPage, current * changesPerPage)
  // A national message is `message-<document id>@<version>` (cms/publish/national-part.ts).
  const idOf = (version: string | null) => /^message-(\d+)@/.exec(version ?? '')?.[1] ?? null
  const ids = [...new Set(slice.flatMap((m) => [idOf(m.after), idOf(m.before)]).filter(Boolean))] as string[]
  const subjects = new Map<string, string>()
  if (ids.length > 0) {
    const found = await payload.find({
      collection: messagesSlug as 'messages',
      where: { id: { in: ids } },
      depth: 0,
      limit: ids.length,
      pagination: false,
      overrideAccess: true,
      select: { subject: true },
    })
    for (const doc of found.docs as { id: number | string; subject?: string | null }[])
      subjects.set(String(doc.id), doc.subject ?? '')
  }
  const rows = slice.map((m) => {
    const key = `${m.slot} ${m.audience} ${m.language}`
    return {
      key,
      kind: m.kind,
      inWords: keyInWords(key),
      subject: subjects.get(idOf(m.after) ?? idOf(m.before) ?? '') || '（件名なし / no subject）',
      before: m.before,
      after: m.after,
    }
  })
  return { rows, page: current, pages, total: all.length }
}
