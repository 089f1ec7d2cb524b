import type { PayloadRequest } from 'payload'
import type { Program } from '../../shared/program'
import { bilingual } from '../plugin/i18n'
import { defaultContentSlugs } from '../publish/content'
import { edgeFromEnvironment } from '../publish/edge-client'
import { publish } from '../publish/publish'

/**
 * Publishes the town's tenant part as the approver, so the approved announcement reaches the edge.
 * A failure leaves the approval as it is: the answer says so, for the edit view to show.
 */
export async function publishTown(
  req: PayloadRequest,
  tenantId: number | string,
  programs: Record<string, Program>,
): Promise<{ ok: true } | { ok: false; reason: string }> {
  try {
    const outcome = await publish(
      {
        payload: req.payload,
        edge: edgeFromEnvironment(),
        slugs: { ...defaultContentSlugs, publications: 'publications' },
        programs,
      },
      // Gaps in the daily messages are not this person's question: the part only adds the notice.
      { user: req.user, scope: { kind: 'tenant', tenantId }, confirmGaps: true, approvedAnnouncement: true },
    )
    return outcome.ok ? { ok: true } : { ok: false, reason: outcome.reason }
  } catch (error) {
    return {
      ok: false,
      reason: `${bilingual('公開できませんでした', 'Publishing failed')} (${(error as Error).message})`,
    }
  }
}

/** What the edit view shows when approval could not publish; `reason` is already in both languages. */
export const publishFailed = (reason: string) =>
  `${bilingual(
    '承認しましたが、公開できませんでした。「公開」画面（/admin/publish）から公開してください',
    'Approved, but publishing failed: publish it from the Publish screen (/admin/publish)',
  )}\n${reason}`
