import type { ReviewEvent } from './decide'

/** What the review hook decided, handed to the hooks that run after it in the same operation. */
export type ReviewContext = {
  reviewEvent?: ReviewEvent
  contentChanged?: boolean
  noteChanged?: boolean
}

/** Set only by the review hook: the one way an approved version can come into being. */
export const approvingContextKey = 'yorisoiApproving'
/** Set only by the review hook when it writes history; anything else is a person's comment. */
export const historyContextKey = 'yorisoiHistory'
