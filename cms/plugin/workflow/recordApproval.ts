import type { PayloadRequest } from 'payload'
import type { YorisoiSlugs } from '../slugs'
import { contentOf, idsOf } from './content'
import { approvingContextKey } from './context'

type Approval = {
  req: PayloadRequest
  slugs: YorisoiSlugs
  /** The message as stored: approval never changes content, so this is exactly what was reviewed. */
  message: Record<string, unknown> & { id: number | string; version?: number | null }
  approver: { id: number | string; name?: unknown; email?: unknown }
}

/** Copies the reviewed text into the immutable collection of approved versions. */
export async function recordApproval({ req, slugs, message, approver }: Approval) {
  const content = contentOf(message)
  const translationOf = content.translationOf
  // Nested local calls merge their context into req.context for the rest of the request, so the
  // flag is removed again at once: it must open the door for this one copy only.
  try {
    return await req.payload.create({
      collection: slugs.approvedMessageVersions,
      req,
      overrideAccess: true,
      // Only the id is used: depth 0 skips populating the message, approver and editors.
      depth: 0,
      context: { [approvingContextKey]: true },
      data: {
        ...content,
        translationOf:
          translationOf && typeof translationOf === 'object'
            ? (translationOf as { id: unknown }).id
            : translationOf,
        message: message.id,
        version: message.version ?? 1,
        sourceVersion: message.translatedFromVersion ?? null,
        editors: idsOf(message.versionEditors),
        approvedBy: approver.id,
        approverName: String(approver.name || approver.email || approver.id),
        approvedAt: new Date().toISOString(),
      },
    })
  } finally {
    delete req.context[approvingContextKey]
  }
}
