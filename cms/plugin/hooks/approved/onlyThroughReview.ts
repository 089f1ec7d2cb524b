import { APIError, type CollectionBeforeChangeHook, type CollectionBeforeDeleteHook } from 'payload'
import { bilingual } from '../../i18n'
import { approvingContextKey } from '../../workflow/context'

/**
 * Approved versions are what residents may receive. They come into being only when a medical
 * supervisor approves a message, and never change afterwards, even for server code that
 * overrides access.
 */
export const onlyThroughReview: CollectionBeforeChangeHook = ({ operation, context, data }) => {
  if (operation === 'create' && context[approvingContextKey] === true) return data
  throw new APIError(
    bilingual(
      '承認版は医療監修者の承認でのみ作られ、変更できません',
      'Approved versions are made only by a medical supervisor approving a message, and never change',
    ),
    403,
  )
}

export const neverDeleted: CollectionBeforeDeleteHook = () => {
  throw new APIError(bilingual('承認版は削除できません', 'Approved versions cannot be deleted'), 403)
}
