import { z } from 'zod'
import { bilingual } from '../i18n'

/** submit: the editor asks for review; approve / request-changes: the supervisor answers. */
export const reviewActions = ['submit', 'approve', 'request-changes'] as const
export type ReviewAction = (typeof reviewActions)[number]

/** The review state each button asks for. */
export const stateOfAction = {
  submit: 'in-review',
  approve: 'approved',
  'request-changes': 'changes-requested',
} as const

/** The state a version must be in for each action. */
export const statesForAction = {
  submit: ['draft', 'changes-requested'],
  approve: ['in-review'],
  'request-changes': ['in-review'],
} as const satisfies Record<ReviewAction, readonly string[]>

const noteRequired = bilingual(
  '修正依頼には監修コメントを書いてください',
  'Write a reviewer note when requesting changes',
)

/**
 * What the review buttons send: the action, the reviewer's note, and when the version they read
 * was last saved — so nobody approves text that changed after it was put in front of them.
 */
export const reviewRequest = z
  .object({
    action: z.enum(reviewActions, {
      error: bilingual(
        '操作は「監修を依頼」「承認する」「修正を依頼」のどれかです',
        'The action is submit, approve or request-changes',
      ),
    }),
    note: z
      .string()
      .trim()
      .max(2000, { error: bilingual('コメントは2000文字までです', 'A note has at most 2,000 characters') })
      .optional(),
    seenAt: z.iso.datetime({
      offset: true,
      error: bilingual('表示した版の日時がありません', 'The time of the version you read is missing'),
    }),
  })
  .superRefine((request, ctx) => {
    if (request.action === 'request-changes' && !request.note)
      ctx.addIssue({ code: 'custom', path: ['note'], message: noteRequired })
  })

export type ReviewRequestBody = z.infer<typeof reviewRequest>
