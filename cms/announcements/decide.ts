import { bilingual } from '../plugin/i18n'
import { hasRole } from '../plugin/roles'
import type { AnnouncementDocState } from './states'

type Id = number | string

export type AnnouncementAction = 'submit' | 'approve' | 'reject'

export interface ApprovalRequest {
  action: AnnouncementAction
  doc: {
    state: AnnouncementDocState
    health: boolean
    tenant: Id
    author?: Id | null
    lastEditor?: Id | null
    submittedBy?: Id | null
  }
  actor: { id: Id; roles?: readonly string[] | null; tenantIds: readonly Id[] }
  note?: string | null
}

export type ApprovalDecision =
  | { ok: true; state: AnnouncementDocState; approves: boolean }
  | { ok: false; status: 403 | 409 | 400; error: string }

const same = (a: unknown, b: unknown) => a !== null && a !== undefined && String(a) === String(b)

/** Staff of the town (municipal staff, nurse, desk) or an admin: they write and ask for approval. */
export function writesFor(actor: ApprovalRequest['actor'], tenant: Id): boolean {
  if (hasRole(actor, 'admin')) return true
  return hasRole(actor, 'municipal-staff', 'nurse', 'desk') && actor.tenantIds.some((id) => same(id, tenant))
}

/** Health content: a medical supervisor; the rest: a colleague of the town or a supervisor. */
export function approvesFor(actor: ApprovalRequest['actor'], doc: ApprovalRequest['doc']): boolean {
  if (hasRole(actor, 'medical-supervisor')) return true
  if (doc.health) return false
  return writesFor(actor, doc.tenant)
}

const deny = (status: 400 | 403 | 409, ja: string, en: string): ApprovalDecision => ({
  ok: false,
  status,
  error: bilingual(ja, en),
})

/**
 * Who may move an announcement from which state to which, as one pure function. Nothing goes out
 * on one person's say: whoever wrote it, last changed it or asked for approval never approves it.
 */
export function decideApproval(request: ApprovalRequest): ApprovalDecision {
  const { action, doc, actor } = request
  if (action === 'submit') {
    if (doc.state !== 'draft')
      return deny(409, 'このお知らせは下書きではありません', 'This announcement is not a draft')
    if (!writesFor(actor, doc.tenant))
      return deny(
        403,
        'この自治体のお知らせの承認を依頼する権限がありません',
        "You may not ask for approval of this town's announcements",
      )
    return { ok: true, state: 'in-review', approves: false }
  }
  if (doc.state !== 'in-review')
    return deny(409, 'このお知らせは承認待ちではありません', 'This announcement is not waiting for approval')
  if (!approvesFor(actor, doc))
    return doc.health
      ? deny(403, '健康・医療の内容は医療監修者が承認します', 'A medical supervisor approves health content')
      : deny(
          403,
          'この自治体の職員か監修者が承認します',
          "A colleague of this town's staff or a supervisor approves it",
        )
  if (action === 'reject') {
    if (!request.note?.trim()) return deny(400, '差し戻す理由を書いてください', 'Write why you send it back')
    return { ok: true, state: 'draft', approves: false }
  }
  if ([doc.author, doc.lastEditor, doc.submittedBy].some((id) => same(id, actor.id)))
    return deny(
      403,
      '自分が書いた・変更した・依頼したお知らせは承認できません。別の人に依頼してください',
      'You wrote, changed or submitted this announcement: someone else must approve it',
    )
  return { ok: true, state: 'approved', approves: true }
}
