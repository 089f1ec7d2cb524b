import { bilingual, type CounterRegistrationRequest, type TenantSettings } from '../../shared/contract'
import type { Env } from '../env'
import { checkAddress, enabledChannels } from '../resident/address-field'
import { birthDateProblem, dueDateProblem } from '../resident/dates'
import { nicknameField } from '../resident/fields'
import { confirmToken, requireLinkSecret } from '../resident/link-tokens'
import { today } from '../resident/schedule'
import { linkSegment } from '../shards/links'
import { residentShard } from '../shards/map'
import { counterConfirmMessage } from '../verification/code-messages'
import { smsPausedMessage } from '../verification/code-pages'
import { activeOwner } from '../verification/complete'
import { sendPaidSms } from '../verification/paid-sms'
import { recordSmsCapHit, withinSmsCap } from '../verification/sms-cap'
import { confirmationRequest, sendConfirmation } from './confirmation'
import type { Registration } from './form'
import { resendWaitingConfirmation } from './pending'
import { confirmTokenStatement, pendingSubscriberStatements, type RegisterContext } from './register'
import { notifyOwner } from './register-by-code'

export type CounterOutcome =
  | { ok: true; outcome: 'sent' | 'unsent'; household: string | null }
  | { ok: false; status: 422 | 429; problem: string }

const refused = (status: 422 | 429, problem: string): CounterOutcome => ({ ok: false, status, problem })

/** The request as a registration of this town, or the first problem (Japanese first). */
function checked(
  request: CounterRegistrationRequest,
  tenant: TenantSettings,
  now: Date,
): Registration | string {
  const nickname = nicknameField.safeParse(request.nickname)
  if (!nickname.success) return nickname.error.issues[0]?.message ?? ''
  if (!tenant.languages.offered.includes(request.language))
    return bilingual('この自治体で選べない言語です', 'This town does not offer that language')
  if (request.channel === 'line')
    return bilingual(
      'LINE の登録は、ご本人のスマートフォンで二次元コードから行ってください',
      'LINE registration is done by the resident on their own phone, from the QR code',
    )
  if (!enabledChannels(tenant).includes(request.channel))
    return bilingual('この自治体で選べない受け取り方です', 'This town does not offer that channel')
  const address = checkAddress(request.channel, request.address, tenant)
  if (!address.ok) return address.message
  const day = today(tenant, now)
  const dateProblem =
    request.stage === 'due' ? dueDateProblem(request.date, day) : birthDateProblem(request.date, day)
  if (dateProblem) return bilingual(dateProblem.ja, dateProblem.en)
  return {
    nickname: nickname.data,
    audience: request.audience,
    stage: request.stage,
    date: request.date,
    language: request.language,
    channel: request.channel,
    address: address.address,
    // The notice the resident will be shown when confirming, and agree to there.
    noticeVersion: tenant.privacyNotice.version,
  }
}

/**
 * A registration staff start at the counter (the pregnancy-notification interview) for a
 * resident beside them: a pending subscriber and timeline with no consent, and the confirmation
 * sent to the resident's own phone — by email as the form sends it, by SMS as a confirm link
 * (counted against the town's SMS cap). The resident's confirming (registration/confirm.ts)
 * records the consent. Not counted against the per-connection limits: a health centre registers
 * many residents from one address. An address already registered gets its owner's notice, as the
 * form does.
 */
export async function registerAtCounter(
  env: Env,
  tenant: TenantSettings,
  request: CounterRegistrationRequest,
  origin: string,
  now: Date,
): Promise<CounterOutcome> {
  const registration = checked(request, tenant, now)
  if (typeof registration === 'string') return refused(422, registration)
  const { shard, db } = await residentShard(env, tenant.slug)
  const ctx: RegisterContext = {
    db,
    shard,
    tenant,
    ipHash: '',
    now,
    origin,
    linkSecret: requireLinkSecret(env.LINK_SECRET),
  }
  const channel = registration.channel as 'email' | 'sms'
  if (channel === 'sms' && !(await withinSmsCap(db, tenant, now))) {
    await recordSmsCapHit(env, tenant, now, db)
    return refused(429, smsPausedMessage(tenant))
  }
  const owner = await activeOwner(db, tenant.slug, channel, registration.address)
  if (owner) {
    await notifyOwner(env, tenant, owner, channel, registration.address, origin, ctx.linkSecret, now)
    return { ok: true, outcome: 'sent', household: null }
  }
  if (channel === 'email') {
    const waiting = await resendWaitingConfirmation(env, ctx, registration.address, registration)
    if (waiting !== null) return { ok: true, outcome: waiting ? 'sent' : 'unsent', household: null }
  }
  const subscriberId = crypto.randomUUID()
  const household = crypto.randomUUID()
  await db.batch([
    ...(await pendingSubscriberStatements(ctx, registration, subscriberId, {
      consent: false,
      timelineId: household,
    })),
    await confirmTokenStatement(ctx, subscriberId),
  ])
  const { nickname, address, language } = registration
  const pending = { subscriberId, nickname, address, language }
  const confirmation = await confirmationRequest(ctx.linkSecret, origin, pending, now, shard)
  const sent =
    channel === 'email'
      ? await sendConfirmation(env, tenant, confirmation, db)
      : await textConfirmLink(env, ctx, subscriberId, registration.address, language)
  return { ok: true, outcome: sent ? 'sent' : 'unsent', household }
}

/** The confirm link by SMS (one text, within the town's cap): the resident opens it on their phone. */
async function textConfirmLink(
  env: Env,
  ctx: RegisterContext,
  subscriberId: string,
  to: string,
  language: string,
) {
  const token = await confirmToken(ctx.linkSecret, subscriberId)
  const url = `${ctx.origin}/c/${linkSegment(ctx.shard, token)}`
  const result = await sendPaidSms(
    env,
    ctx.tenant,
    counterConfirmMessage(ctx.tenant, to, url, `counter-confirm/${subscriberId}`, language),
    ctx.now,
    ctx.db,
  )
  if (!result) return false
  if (result.outcome !== 'sent') console.warn('counter confirm link not sent', result.outcome, result.error)
  return result.outcome === 'sent'
}
