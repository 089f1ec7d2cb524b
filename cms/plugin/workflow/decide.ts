import { bilingual } from '../i18n'
import { hasRole } from '../roles'
import type { ReviewState } from './reviewStates'

export type ReviewRequest = {
  from: ReviewState
  /** The state the save asks for (unchanged when the user only edits). */
  to: ReviewState
  contentChanged: boolean
  actor: { id: number | string; roles?: readonly string[] | null }
  /** Everyone who edited the working version since it was last approved. */
  versionEditors: readonly (number | string)[]
  note?: string | null
}

export type ReviewDecision =
  | {
      ok: true
      state: ReviewState
      /** The save starts a new working version: the approved one keeps serving meanwhile. */
      startsNewVersion: boolean
      /** The save approves the working version: it becomes what residents receive. */
      approves: boolean
      event: ReviewEvent
    }
  | { ok: false; error: string }

export type ReviewEvent = 'edited' | 'submitted' | 'withdrawn' | 'approved' | 'changes-requested' | 'none'

const deny = (ja: string, en: string): ReviewDecision => ({ ok: false, error: bilingual(ja, en) })

/**
 * The editorial review rules, as one pure function: who may move a message version from which
 * state to which. Residents' safety rests on the approve branch.
 */
export function decideReview(request: ReviewRequest): ReviewDecision {
  const { from, to, contentChanged, actor } = request
  const isSupervisor = hasRole(actor, 'medical-supervisor')
  const isAuthor = hasRole(actor, 'editor', 'admin', 'medical-supervisor')

  if (contentChanged) {
    if (to === 'approved' && from !== 'approved') {
      return deny('編集と承認は同時にできません', 'A version cannot be edited and approved in one step')
    }
    if (!isAuthor) return deny('この文面を編集する権限がありません', 'You may not edit this message')
    // Editing under review withdraws it: a supervisor must never approve text they have not seen.
    const state: ReviewState = to === 'in-review' && from !== 'in-review' ? 'in-review' : 'draft'
    return {
      ok: true,
      state,
      startsNewVersion: from === 'approved',
      approves: false,
      event: state === 'in-review' ? 'submitted' : 'edited',
    }
  }

  if (to === from) return { ok: true, state: from, startsNewVersion: false, approves: false, event: 'none' }

  if (to === 'in-review' && (from === 'draft' || from === 'changes-requested')) {
    if (!hasRole(actor, 'editor', 'admin')) {
      return deny('監修依頼は編集者が出します', 'Only an editor submits a version for review')
    }
    return { ok: true, state: to, startsNewVersion: false, approves: false, event: 'submitted' }
  }

  if (to === 'draft' && from === 'in-review') {
    if (!hasRole(actor, 'editor', 'admin')) {
      return deny('監修依頼の取り下げは編集者が行います', 'Only an editor withdraws a version from review')
    }
    return { ok: true, state: to, startsNewVersion: false, approves: false, event: 'withdrawn' }
  }

  if (from === 'in-review' && (to === 'approved' || to === 'changes-requested')) {
    if (!isSupervisor) {
      return deny(
        '承認・修正依頼は医療監修者だけが行えます',
        'Only a medical supervisor approves or requests changes',
      )
    }
    if (to === 'changes-requested') {
      if (!request.note?.trim()) {
        return deny(
          '修正依頼には監修コメントを書いてください',
          'Write a reviewer note when requesting changes',
        )
      }
      return { ok: true, state: to, startsNewVersion: false, approves: false, event: 'changes-requested' }
    }
    if (request.versionEditors.some((id) => String(id) === String(actor.id))) {
      return deny(
        '自分が編集した版は承認できません。別の医療監修者に依頼してください',
        'You edited this version: another medical supervisor must approve it',
      )
    }
    return { ok: true, state: to, startsNewVersion: false, approves: true, event: 'approved' }
  }

  return deny(`「${from}」から「${to}」へは変更できません`, `A message cannot move from "${from}" to "${to}"`)
}
