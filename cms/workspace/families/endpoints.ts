import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'
import { bilingual, type FamiliesList, staffReadReason, tenantSlug } from '../../../shared/contract'
import { askStaffApi, type StaffAnswer } from '../staff-api'
import { townsOf } from '../towns'
import { nursesOf } from './nurses'
import { checkFilters, filterValues } from './query'
import { familiesRoleOf } from './role'

const refusal = (status: number, reason: string) =>
  new Response(reason, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } })

const answered = <T>(answer: StaffAnswer<T>, ok: (data: T) => Response) =>
  answer.ok ? ok(answer.data) : refusal(answer.status, answer.reason)

/** Who asks and for which of her towns; a refusal when she may not. */
async function asker(req: PayloadRequest, tenant: unknown) {
  const role = familiesRoleOf(req.user)
  if (!req.user) return { refused: refusal(401, bilingual('ログインしてください', 'Sign in first')) }
  if (!role)
    return { refused: refusal(403, bilingual('この操作の権限がありません', 'Your role may not do this')) }
  const slug = tenantSlug.safeParse(tenant)
  const town = slug.success
    ? (await townsOf(req.payload, req.user)).find((t) => t.slug === slug.data)
    : undefined
  if (!town) return { refused: refusal(403, bilingual('担当外の自治体です', 'You do not act for this town')) }
  return { role, town }
}

const assignRequest = z.object({
  tenant: z.string(),
  households: z.array(z.string().min(1).max(64)).min(1).max(200),
  nurse: z.string().min(1).max(64),
})

/**
 * The families list's actions under /api/workspace (cms/workspace/plugin.ts): the list as JSON, the
 * assignment of a nurse of the town (her shown name, contact and email go to the edge with it) and
 * the CSV export with its reason. Each passes the staff API's answer straight through.
 */
export const familiesEndpoints: Endpoint[] = [
  {
    path: '/families',
    method: 'get',
    handler: async (req) => {
      const who = await asker(req, req.searchParams.get('tenant'))
      if (who.refused) return who.refused
      const filters = filterValues(req.searchParams)
      const wrong = checkFilters(who.town.slug, filters)
      if (wrong) return refusal(400, wrong)
      const answer = await askStaffApi<FamiliesList>(req.payload, req.user, {
        role: who.role,
        tenant: who.town.slug,
        path: '/families',
        query: filters,
      })
      return answered(answer, (data) => Response.json(data, { headers: { 'cache-control': 'no-store' } }))
    },
  },
  {
    path: '/families/assign',
    method: 'post',
    handler: async (req) => {
      const body = assignRequest.safeParse(await req.json?.().catch(() => undefined))
      if (!body.success)
        return refusal(400, bilingual('世帯と保健師を選んでください', 'Choose the households and a nurse'))
      const who = await asker(req, body.data.tenant)
      if (who.refused) return who.refused
      const nurse = (await nursesOf(req.payload, who.town.id)).find((n) => n.user === body.data.nurse)
      if (!nurse)
        return refusal(
          400,
          bilingual('この自治体の保健師を選んでください', "Choose one of the town's nurses"),
        )
      const answer = await askStaffApi<{ assigned: number; changed: number }>(req.payload, req.user, {
        role: who.role,
        tenant: who.town.slug,
        path: '/families/assign',
        body: { households: body.data.households, nurse },
      })
      return answered(answer, (data) => Response.json(data))
    },
  },
  {
    path: '/families/export',
    method: 'get',
    handler: async (req) => {
      const who = await asker(req, req.searchParams.get('tenant'))
      if (who.refused) return who.refused
      const reason = staffReadReason.safeParse(req.searchParams.get('reason'))
      if (!reason.success)
        return refusal(400, bilingual('書き出しの理由を選んでください', 'Choose a reason for the export'))
      const { cursor: _, ...filters } = filterValues(req.searchParams)
      const wrong = checkFilters(who.town.slug, filters)
      if (wrong) return refusal(400, wrong)
      const answer = await askStaffApi<string>(req.payload, req.user, {
        role: who.role,
        tenant: who.town.slug,
        path: '/families/export',
        query: { ...filters, reason: reason.data },
      })
      return answered(
        answer,
        (csv) =>
          new Response(csv, {
            headers: {
              'content-type': 'text/csv; charset=utf-8',
              'content-disposition': `attachment; filename="families-${who.town.slug}.csv"`,
              'cache-control': 'no-store',
            },
          }),
      )
    },
  },
]
