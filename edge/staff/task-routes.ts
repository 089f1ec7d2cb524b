import { Hono } from 'hono'
import { localDate } from '../../shared/calendar'
import {
  type FamilyTask,
  familyTasksQuery,
  type TaskDoneAnswer,
  taskCountsQuery,
  taskDoneBody,
} from '../../shared/contract'
import { taskTextFor } from '../../shared/tasks'
import { residentDb } from '../shards/map'
import { loadActiveSnapshot } from '../snapshot/read'
import { taskCountsOf } from '../tasks/counts'
import { markTaskDone } from '../tasks/done'
import { type ResidentTask, residentsTasks, tasksOf } from '../tasks/open'
import { recordAccess } from './access-log'
import type { StaffEnv } from './context'
import { readHouseholdCore } from './household-rows'
import { actsFor, forRoles } from './middleware'
import { badInput, noHousehold, notYourTown, timeZone } from './requests'

export const noMember = 'この家族にその方はいません / No such member in this household'
export const noTask =
  'そのやることは、この方に向けて公開されていません / No such task is published for this member'

async function jsonBody(request: Request): Promise<unknown> {
  try {
    return await request.json()
  } catch {
    return undefined
  }
}

/** A resident's task as staff read it: in Japanese, with where it stands. */
export function familyTaskOf(t: ResidentTask): FamilyTask {
  const text = taskTextFor(t.task, 'ja', ['ja'])
  return {
    id: t.task.id,
    version: t.task.version,
    title: text.title,
    line: text.line,
    url: t.task.url ?? null,
    doneBy: t.task.doneBy,
    state: t.state,
    firstOfferedOn: t.state === 'not-offered' ? null : t.firstOfferedOn,
    reminders: t.state === 'not-offered' ? 0 : t.reminders,
    doneOn: t.state === 'done' ? t.doneOn : null,
    doneWho: t.state === 'done' ? t.doneBy : null,
  }
}

/** The household's members (none from another town) with their tasks in the active snapshot. */
async function householdTasks(env: StaffEnv['Bindings'], tenant: string, household: string, now: Date) {
  const db = await residentDb(env, tenant)
  const core = await readHouseholdCore(db, tenant, household)
  if (!core) return { db, core: null, members: [], manifestId: null }
  const snapshot = await loadActiveSnapshot(env.DB)
  const part = snapshot?.tenants.get(tenant)
  const members = await residentsTasks(db, {
    tenant,
    part,
    national: snapshot?.national,
    subscriberIds: core.members.map((m) => m.id),
    date: localDate(now, part?.tenant.timeZone ?? timeZone),
  })
  const byId = new Map(members.map((m) => [m.id, m]))
  return {
    db,
    core,
    part,
    snapshot,
    members: core.members.map((m) => ({
      member: m.id,
      nickname: m.nickname,
      audience: m.audience,
      tasks: byId.get(m.id)?.tasks ?? [],
    })),
    manifestId: snapshot?.manifest.id ?? null,
  }
}

/**
 * A family's tasks per member, staff marking one done (a birth report taken at the counter), and the
 * town's counts per task. Nurse and desk; every answer after its access-log row.
 */
export const taskRoutes = new Hono<StaffEnv>()
  .get('/families/:household/tasks', forRoles('nurse', 'desk'), async (c) => {
    const query = familyTasksQuery.safeParse(c.req.query())
    const household = c.req.param('household')
    if (!query.success) return c.text(badInput(query.error), 400)
    if (household.length > 64) return c.text(noHousehold, 404)
    const staff = c.get('staff')
    if (!actsFor(staff, query.data.tenant)) return c.text(notYourTown, 403)
    const now = new Date()
    const { tenant, reason } = query.data
    const found = await householdTasks(c.env, tenant, household, now)
    await recordAccess(
      found.db,
      staff,
      { tenant, action: 'read-household', household, filter: 'tasks', count: found.core ? 1 : 0, reason },
      now,
    )
    if (!found.core) return c.text(noHousehold, 404)
    return c.json({
      household,
      members: found.members.map((m) => ({
        member: m.member,
        nickname: m.nickname,
        tasks: m.tasks.map(familyTaskOf),
      })),
      manifestId: found.manifestId,
    })
  })
  .post('/families/:household/tasks/done', forRoles('nurse', 'desk'), async (c) => {
    const query = familyTasksQuery.safeParse(c.req.query())
    const household = c.req.param('household')
    if (!query.success) return c.text(badInput(query.error), 400)
    if (household.length > 64) return c.text(noHousehold, 404)
    const body = taskDoneBody.safeParse(await jsonBody(c.req.raw))
    if (!body.success) return c.text(badInput(body.error), 400)
    const staff = c.get('staff')
    if (!actsFor(staff, query.data.tenant)) return c.text(notYourTown, 403)
    const now = new Date()
    const { tenant, reason } = query.data
    const found = await householdTasks(c.env, tenant, household, now)
    if (!found.core) return c.text(noHousehold, 404)
    const member = found.members.find((m) => m.member === body.data.member)
    if (!member) return c.text(noMember, 404)
    // Staff can mark any task of the member's audience, offered or not (done at the counter first).
    const task = tasksOf(found.part, found.snapshot?.national).find(
      (t) => t.id === body.data.task && t.audiences.includes(member.audience),
    )
    if (!task) return c.text(noTask, 404)
    const doneOn = localDate(now, found.part?.tenant.timeZone ?? timeZone)
    const marked = await markTaskDone(found.db, {
      subscriberId: member.member,
      tenant,
      taskId: task.id,
      doneOn,
      doneBy: 'staff',
      now,
    }).run()
    await recordAccess(
      found.db,
      staff,
      {
        tenant,
        action: 'mark-task-done',
        household,
        filter: `task=${task.id}`,
        count: marked.meta.changes ?? 0,
        reason,
      },
      now,
    )
    const after = await householdTasks(c.env, tenant, household, now)
    const mine = after.members
      .find((m) => m.member === member.member)
      ?.tasks.find((t) => t.task.id === task.id)
    const answer: TaskDoneAnswer = {
      member: member.member,
      task: familyTaskOf(
        mine ?? { task, state: 'done', doneOn, doneBy: 'staff', firstOfferedOn: null, reminders: 0 },
      ),
    }
    return c.json(answer)
  })
  .get('/tasks/counts', forRoles('nurse', 'desk'), async (c) => {
    const query = taskCountsQuery.safeParse(c.req.query())
    if (!query.success) return c.text(badInput(query.error), 400)
    const staff = c.get('staff')
    if (!actsFor(staff, query.data.tenant)) return c.text(notYourTown, 403)
    const { tenant } = query.data
    const db = await residentDb(c.env, tenant)
    const snapshot = await loadActiveSnapshot(c.env.DB)
    const tasks = await taskCountsOf(db, tenant, tasksOf(snapshot?.tenants.get(tenant), snapshot?.national))
    await recordAccess(db, staff, { tenant, action: 'read-task-counts', count: tasks.length }, new Date())
    return c.json({ tenant, tasks, manifestId: snapshot?.manifest.id ?? null })
  })
