import { z } from 'zod'
import { bilingual } from '../i18n'

export const reviewActions = ['approve', 'request-changes'] as const
export type ReviewAction = (typeof reviewActions)[number]

/** The review state each button asks for. */
export const stateOfAction = { approve: 'approved', 'request-changes': 'changes-requested' } as const

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
      error: bilingual('操作は「承認する」か「修正を依頼」です', 'The action is approve or request-changes'),
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
