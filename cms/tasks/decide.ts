import { bilingual } from '../plugin/i18n'
import { hasRole } from '../plugin/roles'
import type { TaskState } from './states'

type Id = number | string

/** A person saving a task; null is server code acting for nobody (the seed, an import). */
export type TaskActor = { id: Id; roles?: readonly string[] | null; tenantIds: readonly Id[] } | null

export interface TaskRequest {
  from: TaskState
  /** The state the save asks for (unchanged when the person only edits). */
  to: TaskState
  contentChanged: boolean
  /** The town of a town task; null for a national task. */
  tenant: Id | null
  actor: TaskActor
  /** Everyone who changed the content since it was last approved: none of them approves it. */
  versionEditors: readonly Id[]
  note?: string | null
}

export type TaskDecision = { ok: true; state: TaskState; approves: boolean } | { ok: false; error: string }

const same = (a: unknown, b: unknown) => a !== null && a !== undefined && String(a) === String(b)

/** National tasks: editors (and admins); a town's: its staff, nurses and desk (and admins). */
export function writesTask(actor: TaskActor, tenant: Id | null): boolean {
  if (actor === null || hasRole(actor, 'admin')) return true
  if (tenant === null) return hasRole(actor, 'editor')
  return hasRole(actor, 'municipal-staff', 'nurse', 'desk') && actor.tenantIds.some((id) => same(id, tenant))
}

/** National tasks: a medical supervisor, as for messages; a town's: a colleague or a supervisor. */
export function approvesTask(actor: TaskActor, tenant: Id | null): boolean {
  if (actor === null) return false
  if (hasRole(actor, 'medical-supervisor')) return true
  return tenant !== null && writesTask(actor, tenant)
}

const deny = (ja: string, en: string): TaskDecision => ({ ok: false, error: bilingual(ja, en) })

/**
 * Who may move a task from which state to which, as one pure function. Nothing reaches residents
 * on one person's say: whoever changed the version never approves it.
 */
export function decideTask(request: TaskRequest): TaskDecision {
  const { from, to, contentChanged, tenant, actor } = request
  const supervisorOfNational = tenant === null && hasRole(actor, 'medical-supervisor')
  if (contentChanged) {
    if (to === 'approved' && from !== 'approved')
      return deny('編集と承認は同時にできません', 'A task cannot be edited and approved in one step')
    if (!writesTask(actor, tenant) && !supervisorOfNational)
      return deny('このタスクを編集する権限がありません', 'You may not edit this task')
    // An edit under review withdraws it: nobody approves a text they have not seen.
    return {
      ok: true,
      state: to === 'in-review' && from !== 'in-review' ? 'in-review' : 'draft',
      approves: false,
    }
  }
  if (to === from) return { ok: true, state: from, approves: false }
  if (to === 'in-review' && (from === 'draft' || from === 'changes-requested')) {
    if (!writesTask(actor, tenant))
      return deny('このタスクの承認を依頼する権限がありません', 'You may not ask for approval of this task')
    return { ok: true, state: to, approves: false }
  }
  if (to === 'draft' && from === 'in-review') {
    if (!writesTask(actor, tenant))
      return deny('承認依頼を取り下げる権限がありません', 'You may not withdraw this task from approval')
    return { ok: true, state: to, approves: false }
  }
  if (from === 'in-review' && (to === 'approved' || to === 'changes-requested')) {
    if (!approvesTask(actor, tenant))
      return tenant === null
        ? deny('全国のタスクは医療監修者が承認します', 'A medical supervisor approves national tasks')
        : deny(
            'この自治体の職員か医療監修者が承認します',
            "A colleague of this town's staff or a medical supervisor approves it",
          )
    if (to === 'changes-requested') {
      if (!request.note?.trim())
        return deny('修正依頼の理由を書いてください', 'Write why you request changes')
      return { ok: true, state: to, approves: false }
    }
    if (request.versionEditors.some((id) => same(id, actor?.id)))
      return deny(
        '自分が書いた・変更したタスクは承認できません。別の人に依頼してください',
        'You wrote or changed this task: someone else must approve it',
      )
    return { ok: true, state: to, approves: true }
  }
  return deny('この状態には変更できません', 'A task cannot move to this state from here')
}
