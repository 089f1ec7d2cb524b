import type { D1Database } from '@cloudflare/workers-types'
import type { CivilDate } from '../../shared/calendar'
import type { AttentionReason, Channel, FamiliesList, FamilyRow, MemberState } from '../../shared/contract'
import { stageLabel } from '../../shared/staff/stage'
import { maskAddress } from '../web/mask'
import { attentionSince, familiesWhere, type ListFilter, memberStateSql } from './families-filter'

interface Row {
  household: string
  dueDate: string | null
  birthDate: string | null
  lossDate: string | null
  endedOn: string | null
  createdAt: string
  members: string
  lastOpenedAt: string | null
  openConsultations: number
  interviewRequests: number
  nurseUser: string | null
  nurseName: string | null
  reference: string | null
  loss: number
  urgent: number
  failing: number
}

interface MemberRow {
  nickname: string
  audience: FamilyRow['members'][number]['audience']
  channel: Channel
  address: string
  state: MemberState
}

// Most reachable first: the household's state is its best member's.
const stateRank: MemberState[] = ['active', 'pending', 'paused', 'provider-paused', 'stopped']

/** The household's consultations not closed (those matching `extra`), one row each. */
const openConsultation = (extra: string) =>
  `SELECT 1 FROM timeline_members m JOIN consultations c ON c.subscriber_id = m.subscriber_id
    WHERE m.timeline_id = t.id AND +c.tenant_slug = t.tenant_slug AND +c.status != 'closed' ${extra}`

/**
 * One page of a town's households (timelines) in id order, filtered as staff asked, each with its
 * members (address masked here, never sent whole), the last message opened, open consultations and
 * interview requests, the assigned nurse, the town's reference and why it needs attention.
 * `limit` rows when paged; the export reads page after page.
 */
export async function familiesOf(
  db: D1Database,
  filter: ListFilter & { limit: number },
  asker: string,
  today: CivilDate,
): Promise<FamiliesList> {
  const { where, binds } = familiesWhere(filter, asker, today)
  const since = attentionSince(today)
  // The reasons, each bound once where it is written (the select list, then the filter).
  const loss = 'coalesce(t.loss_reported_on >= ?, 0)'
  const urgent = `EXISTS (${openConsultation('AND c.urgent = 1')})`
  const interview = `EXISTS (${openConsultation("AND c.source = 'interview'")})`
  const failing = `EXISTS (SELECT 1 FROM timeline_members m JOIN deliveries d ON d.subscriber_id = m.subscriber_id
                      WHERE m.timeline_id = t.id AND d.local_date >= ?
                        AND d.state IN ('failed-permanent', 'failed-transient'))`
  const attention = filter.attention ? `AND (${loss} OR ${interview} OR ${urgent} OR ${failing})` : ''
  const rows = await db
    .prepare(
      `SELECT t.id AS household, t.due_date AS dueDate, t.birth_date AS birthDate, t.loss_date AS lossDate,
              t.ended_on AS endedOn, t.created_at AS createdAt,
              (SELECT json_group_array(json_object('nickname', s.nickname, 'audience', s.audience,
                        'channel', s.channel, 'address', s.address, 'state', ${memberStateSql}))
                 FROM timeline_members m JOIN subscribers s ON s.id = m.subscriber_id
                WHERE m.timeline_id = t.id AND +s.tenant_slug = t.tenant_slug) AS members,
              (SELECT MAX(d.opened_at) FROM timeline_members m JOIN deliveries d ON d.subscriber_id = m.subscriber_id
                WHERE m.timeline_id = t.id) AS lastOpenedAt,
              (SELECT COUNT(*) FROM (${openConsultation('')})) AS openConsultations,
              (SELECT COUNT(*) FROM (${openConsultation("AND c.source = 'interview'")})) AS interviewRequests,
              n.nurse_user AS nurseUser, n.nurse_name AS nurseName, r.reference AS reference,
              ${loss} AS loss, ${urgent} AS urgent, ${failing} AS failing
         FROM timelines t
         LEFT JOIN household_nurses n ON n.household_id = t.id AND n.tenant_slug = t.tenant_slug
         LEFT JOIN household_references r ON r.household_id = t.id AND r.tenant_slug = t.tenant_slug
        WHERE ${where} ${attention}
        ORDER BY t.id LIMIT ?`,
    )
    .bind(
      since.loss,
      since.failing,
      ...binds,
      ...(filter.attention ? [since.loss, since.failing] : []),
      filter.limit + 1,
    )
    .all<Row>()
  const page = rows.results.slice(0, filter.limit)
  return {
    families: page.map((row) => familyRow(row, today)),
    next: rows.results.length > filter.limit ? (page.at(-1)?.household ?? null) : null,
  }
}

function familyRow(row: Row, today: CivilDate): FamilyRow {
  const members = (JSON.parse(row.members) as MemberRow[]).map((m) => ({
    ...m,
    address: maskAddress(m.channel, m.address),
  }))
  const state = stateRank.find((s) => members.some((m) => m.state === s)) ?? 'stopped'
  const attention: AttentionReason[] = []
  if (row.loss) attention.push('loss')
  if (row.interviewRequests > 0) attention.push('interview')
  if (row.urgent) attention.push('urgent')
  if (row.failing) attention.push('failing')
  return {
    household: row.household,
    stage: stageLabel(row, today),
    members,
    registeredOn: row.createdAt.slice(0, 10),
    state,
    lastOpenedOn: row.lastOpenedAt ? tokyoDate(row.lastOpenedAt) : null,
    openConsultations: row.openConsultations,
    interviewRequests: row.interviewRequests,
    nurse: row.nurseUser ? { user: row.nurseUser, name: row.nurseName ?? '' } : null,
    reference: row.reference,
    attention,
  }
}

/** The Tokyo calendar day of an instant (opened_at is UTC). */
const tokyoDate = (iso: string) => new Date(Date.parse(iso) + 9 * 3_600_000).toISOString().slice(0, 10)
