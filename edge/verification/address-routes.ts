import { Hono } from 'hono'
import type { Channel } from '../../shared/contract'
import { withSendableChannels } from '../channels/registry'
import { sendTransactional } from '../channels/transactional'
import type { Env } from '../env'
import { type ManageAccess, manageAccess } from '../resident/access'
import { checkAddress, enabledChannels } from '../resident/address-field'
import { requireLinkSecret } from '../resident/link-tokens'
import { linkSegment } from '../shards/links'
import { bi, biText } from '../web/bilingual'
import { residentHeaders, sameOriginForms } from '../web/guard'
import { clientIp, hashIp } from '../web/ip-hash'
import { noticePage } from '../web/notice'
import { publicOrigin } from '../web/origin'
import { readAs } from '../web/reader'
import { type Ctx, deadLink } from '../web/request'
import { changeLinkMessage } from './address-messages'
import { type AddressForm, addressPage } from './address-page'
import { codeLimitedPage, smsPausedMessage } from './code-pages'
import { checkCodeSend, codeKey, sendSmsCode } from './send-code'
import { newVerification, pendingChange } from './verification'

/** The manage page's access plus where messages go now: only this page shows it (masked). */
interface Access extends ManageAccess {
  address: string
}

async function access(c: Ctx): Promise<Access | null> {
  const a = await manageAccess(c)
  if (!a) return null
  readAs(a.resident.subscriber.language, a.tenant.languages.offered)
  const row = await a.db
    .prepare('SELECT address FROM subscribers WHERE id = ?1')
    .bind(a.resident.subscriber.id)
    .first<{ address: string }>()
  // Only channels that can send are offered to change to (where real providers send, those with credentials).
  return { ...a, tenant: await withSendableChannels(c.env, a.tenant), address: row?.address ?? '' }
}

async function page(
  c: Ctx,
  a: Access,
  options: { form?: AddressForm; done?: boolean },
  status: 200 | 422 | 429 | 503 = 200,
) {
  const waiting = await pendingChange(a.db, a.resident.subscriber.id, new Date())
  const subscriber = { ...a.resident.subscriber, address: a.address }
  return c.html(addressPage(a.tenant, a.token, subscriber, { ...options, waiting }), status)
}

/**
 * Change of channel or address, at /r/{manage link segment}/address: proved before it replaces the
 * old, everything in the resident's shard, the proof's page and link carrying its prefix.
 */
export const addressRoutes = new Hono<{ Bindings: Env }>()
  .use(residentHeaders, sameOriginForms)
  .get('/:token/address', async (c) => {
    const a = await access(c)
    if (!a) return deadLink(c)
    return page(c, a, { done: c.req.query('done') === 'changed' })
  })
  .post('/:token/address', async (c) => {
    const now = new Date()
    const a = await access(c)
    if (!a) return deadLink(c)
    const body = await c.req.parseBody()
    const typed = {
      channel: typeof body.channel === 'string' ? body.channel.slice(0, 20) : '',
      address: typeof body.address === 'string' ? body.address.slice(0, 300) : '',
    }
    const offered = enabledChannels(a.tenant)
    const channel = offered.find((ch) => ch === typed.channel)
    const errors: AddressForm['errors'] = {}
    if (!channel) errors.channel = biText('受け取り方を選んでください', 'Choose how to receive messages')
    const checked = channel ? checkAddress(channel, typed.address, a.tenant) : null
    if (checked && !checked.ok) errors.address = checked.message
    if (
      channel &&
      checked?.ok &&
      channel !== 'line' &&
      channel === a.resident.subscriber.channel &&
      checked.address === a.address
    ) {
      errors.address = biText('いまと同じ受け取り先です', 'That is where messages go now')
    }
    if (!channel || !checked?.ok || errors.address) return page(c, a, { form: { ...typed, errors } }, 422)
    const address = channel === 'line' ? null : checked.address
    const ipHash = await hashIp(clientIp(c.req.raw.headers), c.env.IP_HASH_SALT)
    const allowed = await checkCodeSend(c.env, a.tenant, channel, ipHash, address, now, a.db)
    if (allowed === 'sms-paused') {
      const form = { ...typed, errors: { channel: smsPausedMessage(a.tenant) } }
      return page(c, a, { form }, 429)
    }
    if (allowed === 'limited') return c.html(codeLimitedPage(a.tenant), 429, { 'Retry-After': '3600' })
    const secret = requireLinkSecret(c.env.LINK_SECRET)
    const verification = await newVerification(a.db, secret, {
      tenant: a.tenant.slug,
      purpose: 'change',
      channel: channel as Channel,
      address,
      subscriberId: a.resident.subscriber.id,
      now,
    })
    await verification.statement.run()
    const codePage = `/v/${linkSegment(a.shard, verification.handle)}`
    if (channel === 'email' && address) {
      const url = `${publicOrigin(c)}${codePage}`
      const sent = await sendTransactional(
        c.env,
        changeLinkMessage(
          a.tenant,
          address,
          url,
          `change/${verification.id.slice(0, 32)}`,
          a.resident.subscriber.language,
        ),
        a.db,
      )
      if (sent.outcome !== 'sent') {
        const unsent = biText(
          '確認のメールを送れませんでした（メールの送信サービスが応答しませんでした）。少し待ってから、もう一度「確認へ進む」を押してください。',
          'We could not send the confirmation email (the email service did not answer). Please wait a moment and press “Continue to confirm” again.',
        )
        return page(c, a, { form: { ...typed, errors: { address: unsent } } }, 503)
      }
      return c.html(
        noticePage(
          { ja: '確認のメールを送りました', en: 'We sent you an email to confirm' },
          bi(
            '新しいメールアドレスに届いたリンクを開くと、受け取り先が変わります（24時間有効）。それまでは、いまの受け取り先に届きます。',
            'Open the link sent to the new address to switch (valid for 24 hours). Until then, messages go to the current one.',
          ),
        ),
      )
    }
    if (channel === 'sms' && address && verification.code) {
      const key = codeKey(verification.id, 1)
      const sent = await sendSmsCode(
        c.env,
        a.tenant,
        address,
        verification.code,
        key,
        a.resident.subscriber.language,
        a.db,
      )
      if (!sent) return c.redirect(`${codePage}?notice=unsent`, 303)
    }
    return c.redirect(codePage, 303)
  })
