import type { CollectionBeforeChangeHook } from 'payload'
import type { YorisoiSlugs } from '../../slugs'
import { historyContextKey } from '../../workflow/context'
import { idOf } from '../messages/sourceVersion'

/**
 * What people add to the history by hand is a comment, signed by them, on the message's working
 * version; the rest is the review hook's.
 */
export const commentByUser =
  (slugs: YorisoiSlugs): CollectionBeforeChangeHook =>
  async ({ data, context, req, operation }) => {
    if (context[historyContextKey] === true || operation !== 'create') return data
    data.event = 'commented'
    data.actor = req.user?.id ?? null
    const messageId = idOf(data.message)
    const message = messageId
      ? await req.payload.findByID({
          collection: slugs.messages,
          id: messageId as number | string,
          depth: 0,
          req,
          overrideAccess: true,
          disableErrors: true,
          select: { version: true },
        })
      : null
    data.version = (message as { version?: number | null } | null)?.version ?? null
    return data
  }
