import type { Endpoint, PayloadRequest } from 'payload'
import { bilingual, type Disclosure } from '../../../shared/contract'
import { actingRole } from '../acting-role'
import { noRole, refusal, relayed } from '../answer'
import { askStaffApi } from '../staff-api'

const tenantOf = (req: PayloadRequest) => req.searchParams.get('tenant') ?? ''

/** GET /api/workspace/access-log/export?tenant=T: the town's access log as CSV (the privacy officer). */
async function exportAccessLog(req: PayloadRequest): Promise<Response> {
  if (!actingRole(req.user, ['privacy-officer'])) return noRole()
  const tenant = tenantOf(req)
  const answer = await askStaffApi<string>(req.payload, req.user, {
    role: 'privacy-officer',
    tenant,
    path: '/access-log/export',
    answer: 'text',
  })
  return relayed(
    answer,
    (csv) =>
      new Response(csv, {
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="access-log-${tenant}.csv"`,
          'cache-control': 'no-store',
        },
      }),
  )
}

/**
 * GET /api/workspace/disclosure?tenant=T&subscriber=…|household=…: everything held on one resident
 * as a JSON file (開示請求, the privacy officer). Passed through, never kept.
 */
async function downloadDisclosure(req: PayloadRequest): Promise<Response> {
  if (!actingRole(req.user, ['privacy-officer'])) return noRole()
  const subscriber = req.searchParams.get('subscriber') ?? undefined
  const household = req.searchParams.get('household') ?? undefined
  if (!subscriber && !household)
    return refusal(
      400,
      bilingual('住民ID か 世帯ID を指定してください', 'Give a subscriber id or a household id'),
    )
  const answer = await askStaffApi<Disclosure>(req.payload, req.user, {
    role: 'privacy-officer',
    tenant: tenantOf(req),
    path: '/disclosure',
    query: { subscriber, household },
  })
  return relayed(
    answer,
    (found) =>
      new Response(JSON.stringify(found, null, 2), {
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'content-disposition': `attachment; filename="disclosure-${found.tenant}-${(subscriber ?? household ?? '').slice(0, 12)}.json"`,
          'cache-control': 'no-store',
        },
      }),
  )
}

export const privacyEndpoints: Endpoint[] = [
  { path: '/access-log/export', method: 'get', handler: exportAccessLog },
  { path: '/disclosure', method: 'get', handler: downloadDisclosure },
]
