import { APIError, type CollectionBeforeDeleteHook } from 'payload'
import { bilingual } from '../../i18n'
import type { YorisoiSlugs } from '../../slugs'

/**
 * A message that was ever approved stays, with its approvals and history, so what residents were
 * sent can always be traced. A never-approved one goes, and its history with it.
 */
export const keepApprovedMessages =
  (slugs: YorisoiSlugs): CollectionBeforeDeleteHook =>
  async ({ id, req }) => {
    const approvals = await req.payload.count({
      collection: slugs.approvedMessageVersions,
      where: { message: { equals: id } },
      req,
      overrideAccess: true,
    })
    if (approvals.totalDocs > 0) {
      throw new APIError(
        bilingual(
          '承認された版があるメッセージは削除できません（配信記録をたどれるように残します）',
          'A message with approved versions cannot be deleted: it stays so what residents received can be traced',
        ),
        409,
      )
    }
    await req.payload.delete({
      collection: slugs.messageHistory,
      where: { message: { equals: id } },
      req,
      overrideAccess: true,
    })
  }
