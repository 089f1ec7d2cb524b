import { type Context, Hono } from 'hono'
import type { Env } from '../env'
import { bi } from '../pages/bilingual'
import { noticePage } from '../pages/notice'
import { registerPage } from '../pages/register-form'
import { codeLimitedPage } from '../pages/verify'
import { clientIp, hashIp } from '../resident/ip-hash'
import { requireLinkSecret } from '../resident/link-tokens'
import { allowRegistration } from '../resident/rate-limit'
import { register } from '../resident/register'
import { notifyOwner, registerByCode } from '../resident/register-by-code'
import {
  checkRegistration,
  type RegistrationInput,
  readRegistrationInput,
  registrableChannels,
} from '../resident/registration-form'
import { today } from '../resident/schedule'
import { findTenant } from '../resident/tenant'
import { activeOwner } from '../resident/verification'
import { residentHeaders, sameOriginForms } from './resident-guard'

export function publicOrigin(c: Context<{ Bindings: Env }>): string {
  return c.env.PUBLIC_ORIGIN ?? new URL(c.req.url).origin
}

export const registerRoutes = new Hono<{ Bindings: Env }>()
  .use(residentHeaders, sameOriginForms)
  .get('/:tenant', async (c) => {
    const tenant = await findTenant(c.env.DB, c.req.param('tenant'))
    if (!tenant) return c.notFound()
    const blank: RegistrationInput = {
      nickname: '',
      audience: '',
      stage: '',
      date: '',
      language: tenant.languages.offered[0] ?? 'ja',
      channel: registrableChannels(tenant)[0] ?? '',
      address: '',
      consent: '',
      noticeVersion: tenant.privacyNotice.version,
    }
    return c.html(registerPage(tenant, blank))
  })
  .post('/:tenant', async (c) => {
    const tenant = await findTenant(c.env.DB, c.req.param('tenant'))
    if (!tenant) return c.notFound()
    const now = new Date()
    const ipHash = await hashIp(clientIp(c.req.raw.headers), c.env.IP_HASH_SALT)
    if (!(await allowRegistration(c.env.DB, ipHash, now))) {
      const page = noticePage(
        { ja: 'しばらくしてからお試しください', en: 'Please try again later' },
        bi(
          'この接続からの登録が続いたため、いったん受付を止めています。1時間ほどしてから、もう一度お試しください。',
          'Many registrations came from this connection; please try again in about an hour.',
        ),
        `${tenant.desk.name} ${tenant.desk.phone}（${tenant.desk.hours}）`,
      )
      return c.html(page, 429, { 'Retry-After': '3600' })
    }
    const input = readRegistrationInput(await c.req.parseBody())
    const check = checkRegistration(input, tenant, today(tenant, now))
    if (!check.ok) return c.html(registerPage(tenant, input, check.errors), 422)
    const ctx = {
      db: c.env.DB,
      tenant,
      ipHash,
      now,
      origin: publicOrigin(c),
      linkSecret: requireLinkSecret(c.env.LINK_SECRET),
    }
    const registration = check.value
    if (registration.channel !== 'email') {
      const result = await registerByCode(c.env, ctx, registration)
      if (!result.ok) return c.html(codeLimitedPage(tenant), 429, { 'Retry-After': '3600' })
      return c.redirect(`/v/${result.handle}`, 303)
    }
    // An address already registered here gets its manage link; the form answers as always.
    const owner = await activeOwner(c.env.DB, tenant.slug, 'email', registration.address)
    if (owner) {
      await notifyOwner(c.env, tenant, owner, 'email', registration.address, ctx.origin, ctx.linkSecret, now)
    } else {
      await register(ctx, registration)
    }
    return c.redirect(`/t/${tenant.slug}/sent`, 303)
  })
  .get('/:tenant/sent', async (c) => {
    const tenant = await findTenant(c.env.DB, c.req.param('tenant'))
    if (!tenant) return c.notFound()
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
