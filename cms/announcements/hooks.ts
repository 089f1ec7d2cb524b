import { type CollectionBeforeChangeHook, ValidationError } from 'payload'
import { bilingual } from '../plugin/i18n'
import { contentKeyOf } from '../plugin/workflow/contentKey'
import { announcementContentFields } from './fields'
import { isLocked } from './states'

/** Set only by the workflow's own saves (approve, reject, submit, cancel, publish outcome). */
export const workflowContextKey = 'yorisoiAnnouncementWorkflow'

export const stillLive = bilingual(
  '前に承認した版がまだ公開中で、このままでは送信時刻にその版が送られます。新しい版の承認を受けるか、「公開」画面から自治体のパートを公開し直してください',
  'The version approved before is still live and would be sent at its time: have the new version approved, or publish the town again from the Publish screen',
)

/**
 * A person's save: the author on create; the last editor on a change of content, which also sends
 * an announcement waiting for or holding approval back to 下書き. Once it is due or cancelled its
 * content never changes (access refuses it; this refuses server code too).
 */
export const keepApprovalHonest: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  if (req.context?.[workflowContextKey] === true) return data
  const user = req.user?.id ?? null
  if (operation === 'create' || !originalDoc)
    return { ...data, state: 'draft', author: user, lastEditor: user }
  const before = originalDoc as Record<string, unknown>
  const fields = announcementContentFields
  const changed =
    contentKeyOf(before, fields, ['tenant']) !== contentKeyOf({ ...before, ...data }, fields, ['tenant'])
  // Field access keeps the stored state out of a person's save; it is carried over here.
  if (!changed) return { ...data, state: before.state }
  if (isLocked(before))
    throw new ValidationError({
      errors: [
        {
          message: bilingual(
            '送信済み・送信中・取り消し済みのお知らせは変更できません',
            'An announcement that is sent, sending or cancelled cannot be changed',
          ),
          path: 'texts',
        },
      ],
    })
  const reopened = before.state === 'in-review' || before.state === 'approved'
  return {
    ...data,
    state: before.state,
    lastEditor: user,
    ...(reopened
      ? { state: 'draft', approvedBy: null, approverName: null, approvedAt: null, submittedBy: null }
      : {}),
    // The edge keeps the approved version until the town's part is published again.
    ...(before.state === 'approved' ? { publishOutcome: stillLive } : {}),
  }
}
