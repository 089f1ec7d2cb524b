import type { CollectionBeforeChangeHook } from 'payload'
import { historyContextKey } from '../../workflow/context'

/** What people add to the history by hand is a comment, signed by them; the rest is the review hook's. */
export const commentByUser: CollectionBeforeChangeHook = async ({ data, context, req, operation }) => {
  if (context[historyContextKey] === true || operation !== 'create') return data
  data.event = 'commented'
  data.actor = req.user?.id ?? null
  return data
}
