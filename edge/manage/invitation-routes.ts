import { Hono } from 'hono'
import { withSendableChannels } from '../channels/registry'
import type { Env } from '../env'
import { registrationContext, tooManyPage } from '../registration/routes'
import { confirmationUnsentPage } from '../registration/unsent-page'
import { openLink } from '../shards/links'
import { ensureSettled } from '../shards/map'
import { findTenant } from '../snapshot/tenant'
import { codeLimitedPage } from '../verification/code-pages'
import { residentHeaders, sameOriginForms } from '../web/guard'
import { linkNotValidPage } from '../web/notice'
import { readAs, readerTag } from '../web/reader'
import type { Ctx } from '../web/request'
import { acceptInvitation, findInvitation } from './invitation'
import { checkInvitation, type InvitationInput, readInvitationInput } from './invitation-form'
import { invitationPage } from './invitation-page'

/**
 * The invitation a link opens in its shard, with the inviter's tenant as its form offers it: only
 * channels that can send (where real providers send, those with credentials).
 */
async function openInvitation(c: Ctx, now: Date) {
  const link = await openLink(c.env, c.req.param('token') ?? '')
  const invitation = link && (await findInvitation(link.db, link.token, now))
  const found = invitation && (await findTenant(c.env.DB, invitation.tenantSlug))
  const tenant = found && (await withSendableChannels(c.env, found))
  if (!link || !invitation || !tenant) return null
  // The invitee is not known yet: their browser's language (or this device's choice), among the town's.
  readAs(undefined, tenant.languages.offered)
  await ensureSettled(c.env, tenant.slug)
  return { link, invitation, tenant }
}

/** /i/{token}: the invitee registers their own subscription, joined to the inviter's timeline. */
export const invitationRoutes = new Hono<{ Bindings: Env }>()
  .use(residentHeaders, sameOriginForms)
  .get('/:token', async (c) => {
    const opened = await openInvitation(c, new Date())
    if (!opened) return c.html(linkNotValidPage(), 404)
    const { invitation, tenant } = opened
    // The language the page is read in is the one the form offers first.
    const reading = readerTag()
    const blank: InvitationInput = {
      nickname: '',
      audience: '',
      language: tenant.languages.offered.includes(reading) ? reading : (tenant.languages.offered[0] ?? 'ja'),
      channel: '',
      address: '',
      consent: '',
      noticeVersion: tenant.privacyNotice.version,
    }
    return c.html(invitationPage(tenant, c.req.param('token'), invitation.inviterNickname, blank))
  })
  .post('/:token', async (c) => {
    const now = new Date()
    const token = c.req.param('token')
    const opened = await openInvitation(c, now)
    if (!opened) return c.html(linkNotValidPage(), 404)
    const { link, invitation, tenant } = opened
    const ctx = await registrationContext(c, tenant, now)
    if (!ctx) return c.html(tooManyPage(tenant), 429, { 'Retry-After': '3600' })
    const input = readInvitationInput(await c.req.parseBody())
    const check = checkInvitation(input, tenant)
    if (!check.ok)
      return c.html(invitationPage(tenant, token, invitation.inviterNickname, input, check.errors), 422)
    const accepted = await acceptInvitation(
      c.env,
      { ...ctx, db: link.db, shard: link.shard },
      invitation,
      check.value,
    )
    if (accepted.ok && accepted.unsentTo)
      return c.html(confirmationUnsentPage(tenant, accepted.unsentTo), 503, { 'Retry-After': '60' })
    if (accepted.ok) return c.redirect(accepted.next, 303)
    if (accepted.reason === 'used') return c.html(linkNotValidPage(), 404)
    return c.html(codeLimitedPage(tenant), 429, { 'Retry-After': '3600' })
  })
