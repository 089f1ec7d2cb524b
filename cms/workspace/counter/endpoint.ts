import type { Endpoint, PayloadRequest } from 'payload'
import {
  bilingual,
  type CounterRegistrationAnswer,
  counterRegistrationRequest,
} from '../../../shared/contract'
import { actingRole } from '../acting-role'
import { noRole, refusal, relayed } from '../answer'
import { askStaffApi } from '../staff-api'

/**
 * POST /api/workspace/registrations?tenant=T, JSON {nickname, audience, language, channel, address,
 * stage, date}: the counter's form (nurse or desk). The resident's details pass through to the
 * edge and are not kept here.
 */
async function startRegistration(req: PayloadRequest): Promise<Response> {
  const role = actingRole(req.user, ['nurse', 'desk'])
  if (!role) return noRole()
  const body = counterRegistrationRequest.safeParse(await req.json?.().catch(() => null))
  if (!body.success)
    return refusal(
      400,
      bilingual(
        '入力を確認してください（ニックネーム・立場・言語・受け取り方・連絡先・日付）',
        'Please check the form (nickname, audience, language, channel, address, date)',
      ),
    )
  const answer = await askStaffApi<CounterRegistrationAnswer>(req.payload, req.user, {
    role,
    tenant: req.searchParams.get('tenant') ?? '',
    path: '/registrations',
    body: body.data,
  })
  return relayed(answer, (data) => Response.json({ ok: true, ...data }))
}

export const counterEndpoints: Endpoint[] = [
  { path: '/registrations', method: 'post', handler: startRegistration },
]
