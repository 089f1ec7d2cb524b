import type { D1Database } from '@cloudflare/workers-types'
import { type AnnouncementRecipient, reaches, type Stage } from '../../shared/announcements/target'
import type { CivilDate } from '../../shared/calendar'
import {
  type Announcement,
  type AnnouncementPreview,
  type AnnouncementStage,
  channels,
} from '../../shared/contract'
import type { Program } from '../../shared/program'
import { loadResidents } from './recipients'

/** Subscribers read at once: a town of 20,000 is 20 pages, each a range of the tenant index. */
const pageSize = 1000

/** The town's subscribers as an announcement's target sees them on `date`, a page at a time (as the walk reads them). */
async function* recipientsOf(
  db: D1Database,
  input: { tenant: string; date: CivilDate; program: Program },
): AsyncGenerator<AnnouncementRecipient> {
  let after = 0
  for (;;) {
    const page = await loadResidents(db, { ...input, which: { after, limit: pageSize } })
    for (const resident of page) yield resident.recipient
    const last = page.at(-1)
    if (page.length < pageSize || !last) return
    after = last.rowid
  }
}

const stageKey = (s: Stage) => `${s.stage}|${'month' in s ? s.month : ''}`
const stageOrder = { pregnancy: 0, child: 1, loss: 2 }

/**
 * Who would receive the announcement if it were sent now: the town's subscribers counted by
 * channel and by stage, each decided by `reaches` (the same rule the send walk follows) on the
 * town's local date with its program. Counts only; nobody is named.
 */
export async function previewAnnouncement(
  db: D1Database,
  input: {
    tenant: string
    announcement: Pick<Announcement, 'urgent' | 'target'>
    date: CivilDate
    program: Program
  },
): Promise<AnnouncementPreview> {
  const byChannel = Object.fromEntries(channels.map((c) => [c, 0])) as AnnouncementPreview['byChannel']
  const byStage = new Map<string, AnnouncementStage>()
  let total = 0
  for await (const recipient of recipientsOf(db, input)) {
    const reach = reaches(input.announcement, recipient)
    if (!reach.receives) continue
    total++
    byChannel[recipient.channel]++
    const key = stageKey(reach.stage)
    const counted = byStage.get(key) ?? { ...reach.stage, count: 0 }
    counted.count++
    byStage.set(key, counted)
  }
  const stages = [...byStage.values()].sort(
    (a, b) =>
      stageOrder[a.stage] - stageOrder[b.stage] ||
      ('month' in a ? a.month : 0) - ('month' in b ? b.month : 0),
  )
  return { total, byChannel, byStage: stages }
}
