import type { Endpoint, PayloadRequest } from 'payload'
import { bilingual } from '../../../shared/contract'
import { type Compose, composeOf, type Posted, postStaffMessage } from './send'

async function bodyOf(req: PayloadRequest): Promise<unknown> {
  try {
    return await req.json?.()
  } catch {
    return undefined
  }
}

const answer = (posted: Posted) =>
  posted.ok
    ? Response.json({ ok: true, message: posted.message })
    : Response.json({ ok: false, reason: posted.reason }, { status: posted.status })

const refuse = (status: number, ja: string, en: string) =>
  Response.json({ ok: false, reason: bilingual(ja, en) }, { status })

type Read = { refusal: Response } | { refusal?: undefined; tenant: string; compose: Compose }

/** The town (?tenant=) and the posted note, or the refusal to answer with. */
async function read(req: PayloadRequest): Promise<Read> {
  if (!req.user) return { refusal: refuse(401, 'ログインしてください', 'Sign in first') }
  const tenant = req.searchParams?.get('tenant') ?? ''
  if (!tenant) return { refusal: refuse(400, '自治体を指定してください', 'Name the town (?tenant=)') }
  const compose = composeOf(await bodyOf(req))
  if (!compose) return { refusal: refuse(400, '本文を入力してください', 'Write the message') }
  return { tenant, compose }
}

/**
 * POST /api/workspace/families/:household/messages?tenant= {text, to, requestId} — a note to one
 * family, sent by the Worker through each member's channel. Answers {ok, message} or {ok:false, reason}.
 */
export const messageFamilyEndpoint: Endpoint = {
  path: '/families/:household/messages',
  method: 'post',
  handler: async (req) => {
    const asked = await read(req)
    if (asked.refusal) return asked.refusal
    const household = String(req.routeParams?.household ?? '')
    return answer(
      await postStaffMessage(req.payload, req.user, { tenant: asked.tenant, household }, asked.compose),
    )
  },
}

/**
 * POST /api/workspace/consultations/:id/reply?tenant= {text, requestId?} — a reply to the resident who
 * consulted; the Worker takes a new consultation in hand.
 */
export const replyConsultationEndpoint: Endpoint = {
  path: '/consultations/:id/reply',
  method: 'post',
  handler: async (req) => {
    const asked = await read(req)
    if (asked.refusal) return asked.refusal
    const consultation = String(req.routeParams?.id ?? '')
    return answer(
      await postStaffMessage(req.payload, req.user, { tenant: asked.tenant, consultation }, asked.compose),
    )
  },
}
