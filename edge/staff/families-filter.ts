import { addDays, type CivilDate } from '../../shared/calendar'
import type { FamiliesExportQuery, HouseholdStage, MemberState } from '../../shared/contract'
import { parseStageWindow, stageWindowDates } from '../../shared/staff/stage-window'

export type ListFilter = Omit<FamiliesExportQuery, 'reason'> & { cursor?: string }

// The same precedence as householdStage: a loss, then an end, then a birth.
const stageWhere: Record<HouseholdStage, string> = {
  loss: 't.loss_date IS NOT NULL',
  ended: 't.loss_date IS NULL AND t.ended_on IS NOT NULL',
  child: 't.loss_date IS NULL AND t.ended_on IS NULL AND t.birth_date IS NOT NULL',
  pregnancy: 't.loss_date IS NULL AND t.ended_on IS NULL AND t.birth_date IS NULL',
}

/** A paused subscriber the provider paused (bounce, complaint, unfollow, repeated failures). */
const byProvider = "(s.state_reason LIKE 'suppressed:%' OR s.state_reason LIKE 'delivery-failures:%')"

/** A member's state in staff's words, from the subscriber row `s`. */
export const memberStateSql = `CASE WHEN s.state = 'paused' AND ${byProvider} THEN 'provider-paused' ELSE s.state END`

const stateWhere: Record<MemberState, string> = {
  pending: "s.state = 'pending'",
  active: "s.state = 'active'",
  paused: `s.state = 'paused' AND NOT ${byProvider}`,
  'provider-paused': `s.state = 'paused' AND ${byProvider}`,
  stopped: "s.state = 'stopped'",
}

/**
 * A member `s` of household `t` (its timeline) for whom `condition` holds. Reached through the
 * household's members (their keys), never a scan of the town's subscribers.
 */
const memberWhere = (condition: string) =>
  `SELECT 1 FROM timeline_members m JOIN subscribers s ON s.id = m.subscriber_id
    WHERE m.timeline_id = t.id AND +s.tenant_slug = t.tenant_slug AND ${condition}`

/**
 * The WHERE of the families list over timelines `t` (with the nurse `n` and reference `r` joined),
 * and its binds in order. `attention` is left to the caller: it filters on the computed reasons.
 */
export function familiesWhere(
  filter: ListFilter,
  asker: string,
  today: CivilDate,
): { where: string; binds: (string | number)[] } {
  const clauses = ['t.tenant_slug = ?', `EXISTS (${memberWhere('true')})`]
  const binds: (string | number)[] = [filter.tenant]
  if (filter.cursor) {
    clauses.push('t.id > ?')
    binds.push(filter.cursor)
  }
  if (filter.stage) clauses.push(`(${stageWhere[filter.stage]})`)
  const window = filter.window ? parseStageWindow(filter.window) : null
  if (window) {
    const dates = stageWindowDates(window, today)
    const stage = dates.column === 'due' ? 'pregnancy' : 'child'
    clauses.push(`(${stageWhere[stage]}) AND t.${dates.column}_date BETWEEN ? AND ?`)
    binds.push(dates.earliest, dates.latest)
  }
  if (filter.state) {
    clauses.push(`EXISTS (${memberWhere(stateWhere[filter.state])})`)
  }
  if (filter.nurse === 'none') clauses.push('n.household_id IS NULL')
  else if (filter.nurse) {
    clauses.push('n.nurse_user = ?')
    binds.push(filter.nurse === 'me' ? asker : filter.nurse)
  }
  if (filter.q) {
    clauses.push(`(r.reference = ? OR EXISTS (${memberWhere('instr(s.nickname, ?) > 0')}))`)
    binds.push(filter.q, filter.q)
  }
  return { where: clauses.join(' AND '), binds }
}

/** The dates the attention reasons count from: a loss in 30 days, a failed send in 7. */
export const attentionSince = (today: CivilDate) => ({
  loss: addDays(today, -30),
  failing: addDays(today, -7),
})

/**
 * The filter as the access log keeps it: codes only. The search's text is never written (it may be
 * a nickname or a reference), only that there was one.
 */
export function filterCodes(filter: ListFilter): string | null {
  const codes = [
    filter.stage && `stage=${filter.stage}`,
    filter.window && `window=${filter.window}`,
    filter.state && `state=${filter.state}`,
    filter.nurse && `nurse=${filter.nurse}`,
    filter.attention && 'attention',
    filter.q && 'q',
    filter.cursor && 'cursor',
  ].filter(Boolean)
  return codes.length > 0 ? codes.join('&') : null
}
