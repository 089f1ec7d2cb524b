import type { D1Database } from '@cloudflare/workers-types'
import { addDays, type CivilDate } from '../../shared/calendar'
import { categoryLabel } from '../../shared/consultation'
import type { HouseholdRecord, HouseholdTimeline } from '../../shared/contract'
import { stageLabel } from '../../shared/staff/stage'
import { type DeliveryRow, type MemberRow, readHousehold, type TimelineRow } from './household-rows'
import { surveyAnswersOf } from './household-surveys'
import type { TownContent } from './household-wording'

/** The family's page shows the sends of the last 8 weeks. */
export const recentDays = 56

/**
 * One household of the town (a timeline and whoever follows it): a loss first, members and the
 * timelines they follow, the last 8 weeks of sends (what they were about, opened, clicked — never
 * the text), consultations with their words, survey answers, the town's reference and the assigned
 * nurse. Null when the town has no such household. The access log is added by the route, after
 * this read is logged.
 */
export async function householdOf(
  db: D1Database,
  content: TownContent,
  tenant: string,
  household: string,
  today: CivilDate,
): Promise<Omit<HouseholdRecord, 'accessLog'> | null> {
  const rows = await readHousehold(db, tenant, household, addDays(today, -recentDays))
  if (!rows) return null
  const byId = new Map(rows.members.map((m) => [m.id, m]))
  const nicknameOf = (id: string) => byId.get(id)?.nickname ?? ''
  const timeline = timelineOf(rows.timeline, today)
  return {
    household,
    stage: timeline.stage,
    loss: rows.timeline.lossDate
      ? {
          date: rows.timeline.lossDate,
          reportedOn: rows.timeline.lossReportedOn,
          label: timeline.stage.label,
        }
      : null,
    timeline,
    members: rows.members.map((m) => ({
      nickname: m.nickname,
      audience: m.audience,
      language: m.language,
      channel: m.channel,
      state: m.state,
      joinedOn: m.createdAt.slice(0, 10),
      otherTimelines: rows.siblings.filter((s) => s.subscriberId === m.id).map((s) => timelineOf(s, today)),
    })),
    reference: rows.reference,
    nurse: rows.nurse,
    deliveries: rows.deliveries.map((d) => deliveryOf(d, byId.get(d.subscriberId), content)),
    consultations: rows.consultations.map((c) => ({
      id: c.id,
      createdAt: c.createdAt,
      nickname: nicknameOf(c.subscriberId),
      category: c.category,
      categoryLabel: `${categoryLabel(c.category).ja} / ${categoryLabel(c.category).en}`,
      urgent: Boolean(c.urgent),
      language: c.language,
      source: c.source,
      status: c.status,
      assignee: c.assignee,
      closedAt: c.closedAt,
      text: c.text,
      contactBy: c.contactBy,
      contactPhone: c.contactPhone,
      contactHours: c.contactHours,
    })),
    surveys: surveyAnswersOf(rows.responses, content.surveys, nicknameOf),
  }
}

function timelineOf(row: TimelineRow, today: CivilDate): HouseholdTimeline {
  return {
    household: row.household,
    stage: stageLabel(row, today),
    dueDate: row.dueDate,
    birthDate: row.birthDate,
    lossDate: row.lossDate,
    lossReportedOn: row.lossReportedOn,
    endedOn: row.endedOn,
  }
}

function deliveryOf(
  row: DeliveryRow,
  member: MemberRow | undefined,
  content: TownContent,
): HouseholdRecord['deliveries'][number] {
  const slots = JSON.parse(row.slots) as string[]
  return {
    localDate: row.localDate,
    nickname: member?.nickname ?? '',
    kind: row.kind,
    channel: row.channel,
    state: row.state,
    openedAt: row.openedAt,
    opens: row.opens,
    clicks: row.clicks,
    messages: slots.map((slot) => ({
      slot,
      label: content.slotLabel(slot),
      ...(member ? content.wordingOf(slot, member.audience, member.language) : { subject: null, topics: [] }),
    })),
  }
}
