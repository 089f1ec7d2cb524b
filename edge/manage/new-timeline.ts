import type { D1Database } from '@cloudflare/workers-types'
import { checkCivilDate } from '../../shared/calendar'
import type { TenantSettings } from '../../shared/contract'
import { wording } from '../../shared/languages/wording'
import { birthDateProblem, dueDateProblem } from '../resident/dates'
import { scheduleStatement } from '../resident/resident'
import type { Resident, TimelineRow } from '../resident/rows'
import { today } from '../resident/schedule'
import { type ActionResult, refused } from './actions'

/** Timelines one subscriber may follow: siblings and a new pregnancy, not a list to fill. */
export const timelinesPerSubscriber = 6

/**
 * Another child or a new pregnancy for the same subscriber: a timeline of its own, in the same
 * bounds as at registration (a due date from two weeks ago to 280 days ahead, a birth date in
 * the last three years). The next send is recomputed over all their timelines.
 */
export async function addTimeline(
  db: D1Database,
  tenant: TenantSettings,
  resident: Resident,
  stage: string,
  date: string,
  now: Date,
): Promise<ActionResult> {
  const { subscriber } = resident
  if (subscriber.state === 'stopped' || subscriber.state === 'pending')
    return refused(
      wording('お便りが止まっているため、追加できません', 'Messages are stopped, so nothing can be added'),
    )
  if (stage !== 'due' && stage !== 'birth')
    return refused(wording('妊娠中か、お子さんが生まれているかを選んでください', 'Choose pregnant or born'))
  if (!checkCivilDate(date).ok)
    return refused(wording('日付を選んでください（例: 2027-03-15）', 'Choose a date (e.g. 2027-03-15)'))
  const day = today(tenant, now)
  const outOfRange = stage === 'due' ? dueDateProblem(date, day) : birthDateProblem(date, day)
  if (outOfRange) return { ok: false, problem: outOfRange }
  if (resident.timelines.length >= timelinesPerSubscriber)
    return refused(
      wording('これ以上は追加できません。窓口にご相談ください', 'No more can be added; please ask the desk'),
    )
  const at = now.toISOString()
  const id = crypto.randomUUID()
  const birth = stage === 'birth' ? date : null
  const added: TimelineRow = {
    id,
    dueDate: stage === 'due' ? date : null,
    birthDate: birth,
    birthReportedOn: birth,
    lossDate: null,
    lossReportedOn: null,
  }
  // The timeline, its member and the next send over all their timelines: at once or not at all.
  await db.batch([
    db
      .prepare(
        `INSERT INTO timelines (id, tenant_slug, due_date, birth_date, birth_reported_on, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?5)`,
      )
      .bind(id, subscriber.tenantSlug, added.dueDate, added.birthDate, at),
    db
      .prepare('INSERT INTO timeline_members (timeline_id, subscriber_id) VALUES (?1, ?2)')
      .bind(id, subscriber.id),
    scheduleStatement(db, tenant, { ...subscriber, timelines: [...resident.timelines, added] }, now),
  ])
  return { ok: true }
}
