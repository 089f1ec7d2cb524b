import { Hono } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { TenantSettings } from '../../shared/contract'
import { withSendableChannels } from '../channels/registry'
import type { Env } from '../env'
import { checkAddress } from '../resident/address-field'
import { requireLinkSecret } from '../resident/link-tokens'
import { today } from '../resident/schedule'
import { linkSegment } from '../shards/links'
import { residentShard } from '../shards/map'
import { findTenant } from '../snapshot/tenant'
import { codeLimitedPage, smsPausedMessage } from '../verification/code-pages'
import { activeOwner } from '../verification/complete'
import { bi } from '../web/bilingual'
import { deskLine } from '../web/desk-line'
import { residentHeaders, sameOriginForms } from '../web/guard'
import { clientIp, hashIp } from '../web/ip-hash'
import { noticePage } from '../web/notice'
import { publicOrigin } from '../web/origin'
import { readAs, readerTag } from '../web/reader'
import { checkRegistration, type RegistrationInput, readRegistrationInput, registrableChannels } from './form'
import { registerPage } from './form-page'
import { resendWaitingConfirmation } from './pending'
import { allowRegistration } from './rate-limit'
import { type RegisterContext, register } from './register'
import { notifyOwner, registerByCode } from './register-by-code'
import { confirmationUnsent, confirmationUnsentPage } from './unsent-page'

/** Too many registrations from one connection this hour. */
export const tooManyPage = (tenant: TenantSettings) =>
  noticePage(
    { ja: 'しばらくしてからお試しください', en: 'Please try again later' },
    bi(
      'この接続からの登録が続いたため、いったん受付を止めています。1時間ほどしてから、もう一度お試しください。',
      'Many registrations came from this connection; please try again in about an hour.',
    ),
    deskLine(tenant.desk),
  )

/**
 * What registering needs, in the tenant's shard (TenantMoving while it moves), with this
 * connection's attempt counted there against the hourly limit; null beyond the limit.
 */
export async function registrationContext(
  c: { env: Env; req: { url: string; raw: Request } },
  tenant: TenantSettings,
  now: Date,
): Promise<RegisterContext | null> {
  const { shard, db } = await residentShard(c.env, tenant.slug)
  const ipHash = await hashIp(clientIp(c.req.raw.headers), c.env.IP_HASH_SALT)
  if (!(await allowRegistration(db, ipHash, now))) return null
  return {
    db,
    shard,
    tenant,
    ipHash,
    now,
    origin: publicOrigin(c),
    linkSecret: requireLinkSecret(c.env.LINK_SECRET),
  }
}

/**
 * The tenant as its form offers it: only channels that can send (where real providers send, those
 * whose credentials are stored), so nobody registers on one whose messages would reach no one.
 */
async function offeredTenant(env: Env, slug: string): Promise<TenantSettings | null> {
  const tenant = await findTenant(env.DB, slug)
  return tenant && withSendableChannels(env, tenant)
}

/** What every registration form post starts with: its tenant (404 without), then the limit. */
const registrationPrologue = createMiddleware<{ Bindings: Env; Variables: { ctx: RegisterContext } }>(
  async (c, next) => {
    const tenant = await offeredTenant(c.env, c.req.param('tenant') ?? '')
    if (!tenant) return c.notFound()
    readAs(undefined, tenant.languages.offered)
    const ctx = await registrationContext(c, tenant, new Date())
    if (!ctx) return c.html(tooManyPage(tenant), 429, { 'Retry-After': '3600' })
    c.set('ctx', ctx)
    await next()
  },
)

export const registerRoutes = new Hono<{ Bindings: Env }>()
  .use(residentHeaders, sameOriginForms)
  .get('/:tenant', async (c) => {
    const tenant = await offeredTenant(c.env, c.req.param('tenant'))
    if (!tenant) return c.notFound()
    // The browser's language among the town's (unless this device chose one): the page's and,
    // by default, the messages'.
    readAs(undefined, tenant.languages.offered)
    const blank: RegistrationInput = {
      nickname: '',
      audience: '',
      stage: '',
      date: '',
      language: readerTag(),
      channel: registrableChannels(tenant)[0] ?? '',
      address: '',
      consent: '',
      noticeVersion: tenant.privacyNotice.version,
    }
    return c.html(registerPage(tenant, blank))
  })
  .post('/:tenant', registrationPrologue, async (c) => {
    const { ctx } = c.var
    const { tenant } = ctx
    const input = readRegistrationInput(await c.req.parseBody())
    const check = checkRegistration(input, tenant, today(tenant, ctx.now))
    if (!check.ok) return c.html(registerPage(tenant, input, check.errors), 422)
    const registration = check.value
    if (registration.channel !== 'email') {
      const result = await registerByCode(c.env, ctx, registration)
      if (!result.ok && result.reason === 'sms-paused') {
        // The town's SMS cap: the form again, as typed, offering its other channels.
        const errors = { channel: smsPausedMessage(tenant) }
        return c.html(registerPage(tenant, input, errors), 429, { 'Retry-After': '3600' })
      }
      if (!result.ok) return c.html(codeLimitedPage(tenant), 429, { 'Retry-After': '3600' })
      const page = `/v/${linkSegment(ctx.shard, result.handle)}`
      return c.redirect(`${page}${result.unsent ? '?notice=unsent' : ''}`, 303)
    }
    // An address already registered here gets its manage link; the form answers as always.
    const owner = await activeOwner(ctx.db, tenant.slug, 'email', registration.address)
    if (owner) {
      await notifyOwner(
        c.env,
        tenant,
        owner,
        'email',
        registration.address,
        ctx.origin,
        ctx.linkSecret,
        ctx.now,
      )
      return c.redirect(`/t/${tenant.slug}/sent`, 303)
    }
    // The same address again while its confirmation is waiting: that registration, not another.
    const sent =
      (await resendWaitingConfirmation(c.env, ctx, registration.address, registration)) ??
      (await register(c.env, ctx, registration))
    if (sent) return c.redirect(`/t/${tenant.slug}/sent`, 303)
    const unsent = confirmationUnsent(tenant, registration.address)
    return c.html(registerPage(tenant, input, {}, unsent), 503, { 'Retry-After': '60' })
  })
  // "Send again" after a confirmation that did not go out. Any other address answers as if sent.
  .post('/:tenant/resend', registrationPrologue, async (c) => {
    const { ctx } = c.var
    const body = await c.req.parseBody()
    const checked = checkAddress('email', typeof body.address === 'string' ? body.address.slice(0, 300) : '')
    const sent = checked.ok ? await resendWaitingConfirmation(c.env, ctx, checked.address) : null
    if (sent !== false) return c.redirect(`/t/${ctx.tenant.slug}/sent`, 303)
    return c.html(confirmationUnsentPage(ctx.tenant, checked.ok ? checked.address : ''), 503, {
      'Retry-After': '60',
    })
  })
  .get('/:tenant/sent', async (c) => {
    const tenant = await findTenant(c.env.DB, c.req.param('tenant'))
    if (!tenant) return c.notFound()
    readAs(undefined, tenant.languages.offered)
    return c.html(
      noticePage(
        { ja: '確認のメールを送りました', en: 'We sent you an email to confirm' },
        bi(
          'メールにあるリンクを開くと、登録が確定します（7日間有効）。確定するまで、お便りは届きません。',
          'Open the link in it to confirm (valid for 7 days). No messages are sent until you confirm.',
        ),
        bi(
          'メールが見つからないときは、迷惑メールのフォルダもご覧ください。',
          'If you cannot find it, please look in your spam folder.',
        ),
      ),
    )
  })
