import type { Payload } from 'payload'
import {
  bilingual,
  type FamilyTasks,
  familyTasks,
  type TaskDoneAnswer,
  type TaskDoneBody,
  taskDoneAnswer,
} from '../../../shared/contract'
import { writingRole } from '../messages/author'
import { askStaffApi, type StaffAnswer } from '../staff-api'
import type { StaffApiTarget } from '../target'

export interface FamilyAt {
  tenant: string
  household: string
}

const notNurseOrDesk = {
  ok: false,
  status: 403,
  reason: bilingual('保健師・窓口の役割がありません', 'Only a nurse or the desk see and mark tasks'),
} as const

const unreadable = {
  ok: false,
  status: 502,
  reason: bilingual('配信サーバーの応答が読めません', 'The edge answered in a shape this CMS does not know'),
} as const

/** The family's tasks per member, asked of the Worker now (the read is logged there), never stored. */
export async function askFamilyTasks(
  payload: Payload,
  user: unknown,
  at: FamilyAt,
  target?: StaffApiTarget,
): Promise<StaffAnswer<FamilyTasks>> {
  const role = writingRole(user)
  if (!role) return notNurseOrDesk
  const answer = await askStaffApi<unknown>(
    payload,
    user,
    { role, tenant: at.tenant, path: `/families/${encodeURIComponent(at.household)}/tasks` },
    ...(target ? [target] : []),
  )
  if (!answer.ok) return answer
  const parsed = familyTasks.safeParse(answer.data)
  return parsed.success ? { ok: true, data: parsed.data } : unreadable
}

/** Staff record a member's task as done (e.g. the birth report taken at the counter). */
export async function markFamilyTaskDone(
  payload: Payload,
  user: unknown,
  at: FamilyAt,
  body: TaskDoneBody,
  target?: StaffApiTarget,
): Promise<StaffAnswer<TaskDoneAnswer>> {
  const role = writingRole(user)
  if (!role) return notNurseOrDesk
  const answer = await askStaffApi<unknown>(
    payload,
    user,
    {
      role,
      tenant: at.tenant,
      method: 'POST',
      path: `/families/${encodeURIComponent(at.household)}/tasks/done`,
      body,
    },
    ...(target ? [target] : []),
  )
  if (!answer.ok) return answer
  const parsed = taskDoneAnswer.safeParse(answer.data)
  return parsed.success ? { ok: true, data: parsed.data } : unreadable
}
