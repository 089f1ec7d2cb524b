import type { D1Database } from '@cloudflare/workers-types'
import { type Context, Hono } from 'hono'
import type { TenantSettings } from '../../shared/contract'
import { type Wording, wording } from '../../shared/languages/wording'
import type { Env } from '../env'
import { subscriberLanguage } from '../resident/language'
import { manageToken, requireLinkSecret } from '../resident/link-tokens'
import { linkSegment, openLink } from '../shards/links'
import { ensureSettled } from '../shards/map'
import { findTenant } from '../snapshot/tenant'
import { biText } from '../web/bilingual'
import { residentHeaders, sameOriginForms } from '../web/guard'
import { clientIp, hashIp } from '../web/ip-hash'
import { maskAddress } from '../web/mask'
import { linkNotValidPage } from '../web/notice'
import { publicOrigin } from '../web/origin'
import { readAs } from '../web/reader'
import { codeLimits, countUse } from './code-limits'
import { codeLimitedPage, emailChangePage, lineLinkPage, smsCodePage, smsPausedPage } from './code-pages'
import { lineCode } from './codes'
import { type Completion, completeVerification } from './complete'
import { checkCodeSend, codeKey, sendSmsCode } from './send-code'
import { sendUndoNotice } from './undo'
import { findVerification, renewCode, stateOf, tryCode, type Verification } from './verification'

type Ctx = Context<{ Bindings: Env }>

const notices: Record<string, Wording> = {
  sent: wording('新しいコードを送りました。', 'A new code is on its way.'),
  shown: wording('新しいコードを表示しました。', 'Here is a new code.'),
  wait: wording('1分ほど待ってから、もう一度お試しください。', 'Please wait a minute and try again.'),
  unsent: wording(
    'コードを送れませんでした（SMSの送信サービスが応答しませんでした）。1分ほど待ってから「新しいコードを送る」を押してください。',
    'We could not send the code (the text message service did not answer). Please wait a minute, then press “Send a new code”.',
  ),
  enough: wording(
    'コードを送れる回数を超えました。お手数ですが、最初から登録し直してください。',
    'No more codes can be sent for this; please start again.',
  ),
}

const expiredProblem = () =>
  biText(
    'このコードは期限が切れました。新しいコードを送ってください。',
    'This code has expired; ask for a new one.',
  )
const spentProblem = () =>
  biText(
    '間違いが続いたため、このコードは使えなくなりました。新しいコードを送ってください。',
    'Too many wrong tries: this code no longer works. Ask for a new one.',
  )

interface Opened {
  /** The page's path segment as opened (shard prefix and handle): its forms post back to it. */
  segment: string
  /** The bare handle: the verification's id is its hash, and a LINE code is derived from it. */
  handle: string
  shard: number
  db: D1Database
  v: Verification
  tenant: TenantSettings
}

/** The open verification a code page's segment names, in the shard its prefix names. */
async function opened(c: Ctx): Promise<Opened | null> {
  const segment = c.req.param('segment') ?? ''
  const link = await openLink(c.env, segment)
  const v = link && (await findVerification(link.db, link.token))
  const tenant = v && (await findTenant(c.env.DB, v.tenantSlug))
  if (!link || !v || !tenant || v.usedAt) return null
  await ensureSettled(c.env, tenant.slug)
  // The registration's (or the resident's) language, unless this device chose one.
  readAs(await subscriberLanguage(link.db, v.subscriberId), tenant.languages.offered)
  return { segment, handle: link.token, shard: link.shard, db: link.db, v, tenant }
}

const dead = (c: Ctx) => c.html(linkNotValidPage(), 404)

async function codePage(c: Ctx, o: Opened, now: Date) {
  const state = stateOf(o.v, now)
  const known = c.req.query('notice')
  const notice = known && Object.hasOwn(notices, known) ? notices[known] : undefined
  if (o.v.channel === 'line') {
    const code = await lineCode(requireLinkSecret(c.env.LINK_SECRET), o.handle, o.v.sends)
    return c.html(lineLinkPage(o.tenant, o.segment, code, { expired: state === 'expired', notice }))
  }
  return c.html(
    smsCodePage(o.segment, {
      masked: maskAddress('sms', o.v.address ?? ''),
      needsNewCode: state === 'expired' || state === 'spent',
      notice,
      problem: state === 'expired' ? expiredProblem() : state === 'spent' ? spentProblem() : undefined,
    }),
  )
}

/** Where a proved address leads: the resident's own page, in their shard. */
async function after(c: Ctx, o: Opened, done: Completion) {
  const secret = requireLinkSecret(c.env.LINK_SECRET)
  const manage = async (id: string) => `/r/${linkSegment(o.shard, await manageToken(o.db, secret, id))}`
  if (done.kind === 'gone') return dead(c)
  if (done.kind === 'changed') {
    if (done.undo) {
      const now = { channel: o.v.channel, address: o.v.address ?? '' }
      await sendUndoNotice(c.env, o.tenant, o, publicOrigin(c), done.undo, now)
    }
    return c.redirect(`${await manage(done.subscriberId)}/address?done=changed`, 303)
  }
  // A duplicate is shown the owner's page: whoever proved the address is its owner.
  const id = done.kind === 'registered' ? done.subscriberId : done.ownerId
  return c.redirect(`${await manage(id)}?done=confirmed`, 303)
}

export const verifyRoutes = new Hono<{ Bindings: Env }>()
  .use(residentHeaders, sameOriginForms)
  .get('/:segment', async (c) => {
    const now = new Date()
    const o = await opened(c)
    if (!o) return dead(c)
    if (o.v.channel === 'email')
      return stateOf(o.v, now) === 'open' ? c.html(emailChangePage(o.segment)) : dead(c)
    return codePage(c, o, now)
  })
  .post('/:segment', async (c) => {
    const now = new Date()
    const o = await opened(c)
    if (!o) return dead(c)
    const secret = requireLinkSecret(c.env.LINK_SECRET)
    if (o.v.channel === 'line') return c.redirect(`/v/${o.segment}`, 303)
    if (o.v.channel === 'email') {
      if (stateOf(o.v, now) !== 'open' || !o.v.address) return dead(c)
      return after(c, o, await completeVerification(o.db, o.tenant, secret, o.v, o.v.address, now))
    }
    const body = await c.req.parseBody()
    const typed = typeof body.code === 'string' ? body.code.slice(0, 40) : ''
    const ipHash = await hashIp(clientIp(c.req.raw.headers), c.env.IP_HASH_SALT)
    const addressHash = await hashIp(`address|${o.v.address ?? o.v.id}`, c.env.IP_HASH_SALT)
    const allowed =
      (await countUse(o.db, 'code-try-ip', ipHash, codeLimits.triesPerIp, now)) &&
      (await countUse(o.db, 'code-try-address', addressHash, codeLimits.triesPerAddress, now))
    if (!allowed) return c.html(codeLimitedPage(o.tenant), 429, { 'Retry-After': '3600' })
    const result = await tryCode(o.db, secret, o.v, typed, now)
    if (result.ok) {
      return after(c, o, await completeVerification(o.db, o.tenant, secret, o.v, o.v.address ?? '', now))
    }
    const problem =
      result.state === 'open'
        ? biText(
            'コードが違います。あと{left}回入力できます。',
            'That code is not right. Tries left: {left}.',
            {
              left: result.left,
            },
          )
        : result.state === 'expired'
          ? expiredProblem()
          : spentProblem()
    const page = smsCodePage(o.segment, {
      masked: maskAddress('sms', o.v.address ?? ''),
      typed,
      problem,
      needsNewCode: result.state !== 'open',
    })
    return c.html(page, 422)
  })
  .post('/:segment/resend', async (c) => {
    const now = new Date()
    const o = await opened(c)
    if (!o || o.v.channel === 'email') return dead(c)
    const ipHash = await hashIp(clientIp(c.req.raw.headers), c.env.IP_HASH_SALT)
    const address = o.v.channel === 'sms' ? o.v.address : null
    const allowed = await checkCodeSend(c.env, o.tenant, o.v.channel, ipHash, address, now, o.db)
    if (allowed !== 'ok') {
      const refusal = allowed === 'sms-paused' ? smsPausedPage(o.tenant) : codeLimitedPage(o.tenant)
      return c.html(refusal, 429, { 'Retry-After': '3600' })
    }
    const renewed = await renewCode(o.db, requireLinkSecret(c.env.LINK_SECRET), o.v, o.handle, now)
    if (!renewed.ok)
      return c.redirect(`/v/${o.segment}?notice=${renewed.reason === 'enough' ? 'enough' : 'wait'}`, 303)
    const sent =
      !address ||
      !renewed.code ||
      o.v.purpose === 'decoy' ||
      (await sendSmsCode(
        c.env,
        o.tenant,
        address,
        renewed.code,
        codeKey(o.v.id, o.v.sends + 1),
        await subscriberLanguage(o.db, o.v.subscriberId),
        o.db,
      ))
    const notice = o.v.channel === 'line' ? 'shown' : sent ? 'sent' : 'unsent'
    return c.redirect(`/v/${o.segment}?notice=${notice}`, 303)
  })
