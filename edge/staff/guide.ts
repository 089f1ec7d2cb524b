import type { D1Database } from '@cloudflare/workers-types'
import { addDays, type CivilDate, localDate } from '../../shared/calendar'
import { entriesFor } from '../../shared/compose'
import type { Audience, HouseholdGuide } from '../../shared/contract'
import { type ScheduledSend, scheduleBetween, slotContext, type TimelineFacts } from '../../shared/program'
import { stageLabel } from '../../shared/staff/stage'
import { factsOf } from '../resident/schedule'
import { readHouseholdCore } from './household-rows'
import type { TownContent } from './household-wording'

/** The guide looks 14 days ahead: this week (today and the 6 days after) and the next. */
const guideDays = 14

interface Reader {
  audience: Audience
  language: string
}

/**
 * The interview guide of one household: what it will receive in the coming 14 days — each day's
 * slot as the program's cadence decides it (shared/program scheduleBetween), the subject and
 * topics of the message each reader's audience and language selects (shared/compose), and the
 * town's local entries those days join (shared/compose entriesFor). Null when the town has no
 * such household.
 */
export async function guideOf(
  db: D1Database,
  content: TownContent,
  tenant: string,
  household: string,
  today: CivilDate,
  timeZone: string,
): Promise<HouseholdGuide | null> {
  const core = await readHouseholdCore(db, tenant, household)
  if (!core) return null
  const { timeline, members } = core
  const facts = factsOf({ id: household, ...timeline }, localDate(new Date(timeline.createdAt), timeZone))
  const to = addDays(today, guideDays - 1)
  const sends = scheduleBetween(facts, today, to, content.program).filter(
    (send) => timeline.endedOn === null || send.date < timeline.endedOn,
  )
  const readers = distinctReaders(members)
  const weeks = (['this', 'next'] as const).map((week, n) => {
    const from = addDays(today, n * 7)
    const last = addDays(from, 6)
    const days = Array.from({ length: 7 }, (_, i) => addDays(from, i)).map((date) => ({
      date,
      sends: sends.filter((s) => s.date === date).map((s) => guideSendOf(s, readers, content)),
    }))
    const weekSends = sends.filter((s) => s.date >= from && s.date <= last)
    return { week, from, to: last, days, localEntries: entriesOf(weekSends, facts, readers, content) }
  })
  return {
    household,
    stage: stageLabel(timeline, today),
    from: today,
    to,
    readers: members.map((m) => ({
      nickname: m.nickname,
      audience: m.audience,
      language: m.language,
      state: m.state,
    })),
    weeks,
    manifestId: content.manifestId,
  }
}

/**
 * Each audience and language once, of the members messages still go to (active, or paused for a
 * while): members who read the same wording share a line; a stopped member receives nothing.
 */
function distinctReaders(members: readonly (Reader & { state: string })[]): Reader[] {
  const seen = new Map<string, Reader>()
  for (const m of members)
    if (m.state === 'active' || m.state === 'paused')
      seen.set(`${m.audience}|${m.language}`, { audience: m.audience, language: m.language })
  return [...seen.values()]
}

function guideSendOf(send: ScheduledSend, readers: readonly Reader[], content: TownContent) {
  const unit = send.pregnancyWeek
    ? `${send.pregnancyWeek}（${send.pregnancyMonth}）`
    : send.childDay
      ? `${send.childDay}（${send.childAge}）`
      : ''
  return {
    slot: send.slot,
    track: send.track,
    label: `${send.label} / ${send.labelEn}`,
    unit,
    messages: readers.map((r) => ({ ...r, ...content.wordingOf(send.slot, r.audience, r.language) })),
  }
}

/** The town's entries joined to these sends for any reader, each once, in the order first met. */
function entriesOf(
  sends: readonly ScheduledSend[],
  facts: TimelineFacts,
  readers: readonly Reader[],
  content: TownContent,
) {
  const found = new Map<string, HouseholdGuide['weeks'][number]['localEntries'][number]>()
  for (const send of sends)
    for (const reader of readers)
      for (const entry of entriesFor(content.localEntries, {
        context: slotContext(facts, send.date, content.program),
        audience: reader.audience,
        language: reader.language,
        fallbackLanguages: content.fallbackLanguages,
        date: send.date,
      }))
        if (!found.has(entry.id))
          found.set(entry.id, {
            id: entry.id,
            kind: entry.kind,
            title: entry.title,
            url: entry.url ?? null,
            phone: entry.phone ?? null,
          })
  return [...found.values()]
}
