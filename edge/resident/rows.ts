// A resident as the pages and actions read them from D1.

export interface SubscriberRow {
  id: string
  tenantSlug: string
  nickname: string
  audience: 'primary' | 'partner' | 'family'
  language: string
  channel: 'email' | 'sms' | 'line'
  state: 'pending' | 'active' | 'paused' | 'stopped'
  /** Why a provider or the resident paused or stopped the messages (e.g. `suppressed: opted-out`). */
  stateReason?: string | null
  pausedUntil: string | null
  nextSendOn: string | null
  /** The local date a program message last failed, while no message has arrived since. */
  lastFailedOn?: string | null
}

export interface TimelineRow {
  id: string
  dueDate: string | null
  birthDate: string | null
  birthReportedOn: string | null
  lossDate: string | null
  lossReportedOn: string | null
}

/** Someone on one of the resident's timelines (the resident included), by nickname only. */
export interface MemberRow {
  timelineId: string
  subscriberId: string
  nickname: string
  audience: 'primary' | 'partner' | 'family'
  state: 'pending' | 'active' | 'paused' | 'stopped'
}

/** A subscriber with the timelines they follow. The address is never read here: no page shows it. */
export interface Resident {
  subscriber: SubscriberRow
  timelines: TimelineRow[]
  /** Everyone following those timelines; never anyone's address. */
  members?: MemberRow[]
}
