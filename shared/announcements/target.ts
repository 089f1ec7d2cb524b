import type { Announcement, AnnouncementStage, Channel } from '../contract'
import { type Audience, type DayContext, pregnancyMonth, windowContains } from '../program'

/** A resident as an announcement's target sees them: where each of their timelines stands today. */
export interface AnnouncementRecipient {
  audience: Audience
  language: string
  channel: Channel
  state: 'pending' | 'active' | 'paused' | 'stopped'
  /** Whether they receive the town's non-urgent notices (the manage page's choice). */
  townNotices: boolean
  /** slotContext of each of their timelines on the town's local date. */
  contexts: readonly DayContext[]
}

/** A recipient's stage, as the preview counts it. */
export type Stage = AnnouncementStage extends infer S
  ? S extends { count: number }
    ? Omit<S, 'count'>
    : never
  : never
export type Reach = { receives: false } | { receives: true; stage: Stage }

const stageOf = (context: DayContext): Stage | null => {
  if (context.track === 'pregnancy')
    return { stage: 'pregnancy', month: Math.min(10, Math.max(1, pregnancyMonth(context.gestationalDay))) }
  if (context.track === 'child') return { stage: 'child', month: Math.min(36, context.childMonths) }
  if (context.track === 'loss') return { stage: 'loss' }
  return null
}

/**
 * Whether an announcement reaches a resident, and at which stage they are counted. Only active
 * residents; a non-urgent notice only those who keep the town's notices on. After a loss, only an
 * urgent notice or one targeted at the loss program. Without a window: every pregnancy and child
 * day (a cheerful notice never follows a loss); an urgent notice without a window reaches everyone
 * on the program.
 */
export function reaches(
  announcement: Pick<Announcement, 'urgent' | 'target'>,
  r: AnnouncementRecipient,
): Reach {
  const { urgent, target } = announcement
  if (r.state !== 'active') return { receives: false }
  if (!urgent && !r.townNotices) return { receives: false }
  if (!target.audiences.includes(r.audience) || !target.channels.includes(r.channel))
    return { receives: false }
  if (target.languages.length > 0 && !target.languages.includes(r.language)) return { receives: false }
  const open = r.contexts.filter((c) => c.track !== 'none')
  const bereaved = open.some((c) => c.track === 'loss')
  if (bereaved && !urgent && target.window?.unit !== 'loss-day') return { receives: false }
  const window = target.window
  const matched = window
    ? open.find((c) => windowContains(window, c))
    : urgent
      ? open[0]
      : open.find((c) => c.track === 'pregnancy' || c.track === 'child')
  const stage = matched && stageOf(matched)
  return stage ? { receives: true, stage } : { receives: false }
}
