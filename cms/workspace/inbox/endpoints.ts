import type { Endpoint, PayloadRequest } from 'payload'
import {
  bilingual,
  type ConsultationsPage,
  consultationSource,
  consultationStatus,
  consultationUpdate,
  type InboxConsultation,
  interviewDone,
  tenantSlug,
} from '../../../shared/contract'
import { askStaffApi } from '../staff-api'
import { inboxRoleOf } from './acting-role'

const fail = (status: number, reason: string) => Response.json({ ok: false, reason }, { status })

const badRequest = (reason = bilingual('入力が正しくありません', 'The request is not valid')) =>
  fail(400, reason)

/** The town asked for, and the role the user works the inbox in; a refusal otherwise. */
function who(req: PayloadRequest): { tenant: string; role: 'nurse' | 'desk' } | Response {
  const tenant = tenantSlug.safeParse(req.searchParams.get('tenant') ?? '')
  if (!tenant.success) return badRequest(bilingual('自治体を指定してください', 'Name the town (?tenant=)'))
  const role = inboxRoleOf(req.user)
  if (!role) return fail(403, bilingual('この操作の権限がありません', 'Your role may not do this'))
  return { tenant: tenant.data, role }
}

async function jsonOf(req: PayloadRequest): Promise<unknown> {
  try {
    return await req.json?.()
  } catch {
    return null
  }
}

const consultationId = (req: PayloadRequest) => {
  const id = String(req.routeParams?.id ?? '')
  return /^[A-Za-z0-9-]{1,64}$/.test(id) ? id : null
}

/** The answer of the staff API, passed on without keeping any of it. */
function answer<T extends object>(result: Awaited<ReturnType<typeof askStaffApi<T>>>) {
  return result.ok ? Response.json({ ok: true, ...result.data }) : fail(result.status, result.reason)
}

/**
 * The inbox's actions, under /api/workspace (cms/workspace/plugin.ts): each asks the Worker's
 * staff API for the signed-in nurse or desk member, server-side; nothing is stored here.
 */
export const inboxEndpoints: Endpoint[] = [
  {
    path: '/consultations',
    method: 'get',
    handler: async (req) => {
      const asker = who(req)
      if (asker instanceof Response) return asker
      const params = req.searchParams
      const status = consultationStatus.optional().safeParse(params.get('status') || undefined)
      const source = consultationSource.optional().safeParse(params.get('source') || undefined)
      if (!status.success || !source.success) return badRequest()
      const result = await askStaffApi<ConsultationsPage>(req.payload, req.user, {
        ...asker,
        path: '/consultations',
        query: {
          status: status.data,
          source: source.data,
          assignee: params.get('assignee') ?? undefined,
          page: params.get('page') ?? undefined,
        },
      })
      return answer(result)
    },
  },
  {
    path: '/consultations/:id',
    method: 'post',
    handler: async (req) => {
      const asker = who(req)
      if (asker instanceof Response) return asker
      const id = consultationId(req)
      const body = consultationUpdate.safeParse(await jsonOf(req))
      if (!id) return badRequest()
      if (!body.success) return badRequest(body.error.issues.map((i) => i.message).join('; '))
      const result = await askStaffApi<{ consultation: InboxConsultation }>(req.payload, req.user, {
        ...asker,
        method: 'POST',
        path: `/consultations/${id}`,
        body: body.data,
      })
      return answer(result)
    },
  },
  {
    path: '/consultations/:id/interview',
    method: 'post',
    handler: async (req) => {
      const asker = who(req)
      if (asker instanceof Response) return asker
      const id = consultationId(req)
      const body = interviewDone.safeParse(await jsonOf(req))
      if (!id) return badRequest()
      if (!body.success) return badRequest(body.error.issues.map((i) => i.message).join('; '))
      const result = await askStaffApi<{ consultation: InboxConsultation }>(req.payload, req.user, {
        ...asker,
        method: 'POST',
        path: `/consultations/${id}/interview`,
        body: body.data,
      })
      return answer(result)
    },
  },
]
