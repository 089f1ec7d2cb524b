import type { Endpoint, PayloadRequest } from 'payload'
import { bilingual } from '../../../shared/contract'
import { smsPricePerSegment } from '../../../shared/sms'
import { seesEveryTenant, tenantIdsOf } from '../../plugin/roles'
import type { TenantDoc } from '../../publish/tenant-part'
import type { PreviewAnswer } from './answer'
import { recipientsOf } from './recipients'
import { renderings, senderOf, townChannels } from './render'
import { readPreviewRequest } from './request'

const answer = (body: PreviewAnswer, status = 200) => Response.json(body, { status })
const refuse = (status: number, ja: string, en: string) =>
  answer({ ok: false, reason: bilingual(ja, en) }, status)

async function bodyOf(req: PayloadRequest): Promise<unknown> {
  try {
    return await req.json?.()
  } catch {
    return undefined
  }
}

/** Staff of a town preview only their own towns; people who work across towns (admins, editors, supervisors) any. */
const mayPreview = (user: unknown, tenant: string | number) =>
  seesEveryTenant(user) || tenantIdsOf(user).some((id) => String(id) === String(tenant))

/**
 * POST /api/announcements/preview {tenant, urgent, texts, target, url} — the form's current values.
 * Answers each language's rendering on each channel the town uses, and who would receive it now
 * (counted by the edge for a nurse or desk user; otherwise the reason). Nothing is saved or logged here.
 */
export const announcementPreviewEndpoint: Endpoint = {
  path: '/preview',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return refuse(401, 'ログインしてください', 'Sign in first')
    const read = readPreviewRequest(await bodyOf(req))
    if (!read.ok)
      return answer(
        {
          ok: false,
          reason: read.issues.map((issue) => `${issue.path}: ${issue.message}`).join('\n'),
          issues: read.issues,
        },
        400,
      )
    const request = read.value
    if (!mayPreview(req.user, request.tenant))
      return refuse(403, '担当外の自治体です', 'You do not act for this town')
    const doc = (await req.payload
      .findByID({
        collection: 'tenants',
        id: request.tenant,
        depth: 0,
        overrideAccess: true,
        disableErrors: true,
      })
      .catch(() => null)) as (TenantDoc & { id: number | string }) | null
    if (!doc) return refuse(404, '自治体が見つかりません', 'Town not found')
    const channels = townChannels(doc)
    const rendered = renderings(senderOf(doc), channels, request)
    const segments = Math.max(0, ...rendered.map((r) => r.sms?.segments ?? 0))
    return answer({
      ok: true,
      channels,
      renderings: rendered,
      ...(channels.includes('sms') ? { sms: { segments, price: { ...smsPricePerSegment } } } : {}),
      recipients: await recipientsOf(req.payload, req.user, doc.slug, request, segments),
    })
  },
}

/**
 * The preview's endpoints, for the announcements collection's `endpoints` (a collection's own
 * endpoints are the only ones Payload matches under /api/announcements/…): POST /api/announcements/preview.
 */
export const announcementPreviewEndpoints: Endpoint[] = [announcementPreviewEndpoint]
