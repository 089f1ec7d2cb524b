import { type Context, Hono } from 'hono'
import { providerSecrets } from '../channels/registry'
import { tenantSecretFor } from '../channels/secrets'
import type { TwilioCredentials } from '../channels/twilio'
import { consultationFromSms } from '../consultation/chat-intake'
import type { Env } from '../env'
import { suppressAddress } from '../resident/suppression'
import { residentDb } from '../shards/map'
import { findTenant } from '../snapshot/tenant'
import type { LineEvent } from '../verification/line-link'
import { sameText } from '../web/hmac'
import { publicOrigin } from '../web/origin'
import { applyKaradenReport, karadenReport } from './karaden-report'
import { handleLineEvents } from './line-events'
import { verifyLineSignature } from './line-signature'
import { firstDelivery } from './replays'
import { verifySvix } from './svix'
import { applyTwilioInbound, isHelpRequest, twilioInbound } from './twilio-inbound'
import { verifyTwilioSignature } from './twilio-signature'
import { applyTwilioStatus, twilioStatus } from './twilio-status'

/** Tenant secrets that verify each provider's webhooks. */
export const webhookSecrets = {
  resend: 'resend.webhookSecret',
  line: 'line.channelSecret',
  /** Karaden signs nothing: its callback URL carries this random token instead. */
  karaden: 'karaden.callbackToken',
  /** Twilio signs with the account's auth token, inside the sending credentials. */
  twilio: providerSecrets.sms,
} as const

const unauthorized = '署名を確認できません / Signature could not be verified'
const emptyTwiml = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'

/**
 * The form Twilio posted, once its X-Twilio-Signature checks out under the tenant's auth token
 * over the public URL Twilio called; null when it does not (or the tenant has no credentials).
 */
async function signedByTwilio(
  c: Context<{ Bindings: Env }>,
  tenant: string,
): Promise<URLSearchParams | null> {
  // Decoded by hand: workerd warns when .text() reads a form body.
  const params = new URLSearchParams(new TextDecoder().decode(await c.req.arrayBuffer()))
  const credentials = await tenantSecretFor(c.env, tenant, webhookSecrets.twilio)
  const authToken = credentials ? (JSON.parse(credentials) as TwilioCredentials).authToken : null
  const called = new URL(c.req.url)
  const url = `${publicOrigin(c).replace(/\/$/, '')}${called.pathname}${called.search}`
  const signature = c.req.header('x-twilio-signature') ?? null
  return authToken && (await verifyTwilioSignature(authToken, signature, url, params)) ? params : null
}

/**
 * Provider webhooks, one URL per tenant (each tenant has its own provider account and signing
 * secret). Verified on the raw body before anything is read (the secrets are in main); unsigned or
 * wrongly signed → 401. Then everything — replay dedupe, suppressions, delivery outcomes, opt-outs —
 * happens in the shard of the tenant's residents; while the tenant moves, 503 (the provider retries).
 */
export const webhookRoutes = new Hono<{ Bindings: Env }>()
  .post('/resend/:tenant', async (c) => {
    const tenant = c.req.param('tenant')
    const raw = await c.req.text()
    const secret = await tenantSecretFor(c.env, tenant, webhookSecrets.resend)
    const headers = {
      id: c.req.header('svix-id') ?? null,
      timestamp: c.req.header('svix-timestamp') ?? null,
      signature: c.req.header('svix-signature') ?? null,
    }
    if (!secret || !(await verifySvix(secret, headers, raw, new Date()))) return c.text(unauthorized, 401)
    const db = await residentDb(c.env, tenant)
    // A replay of a webhook already handled (same svix-id) is acknowledged and does nothing.
    if (!(await firstDelivery(db, { tenant, provider: 'resend', id: headers.id!, now: new Date() }))) {
      return c.body(null, 204)
    }
    const event = JSON.parse(raw) as { type?: string; data?: { to?: string[] } }
    const reason =
      event.type === 'email.bounced' ? 'bounced' : event.type === 'email.complained' ? 'complained' : null
    if (reason) {
      for (const address of event.data?.to ?? []) {
        await suppressAddress(db, {
          tenant,
          channel: 'email',
          address,
          reason,
          eventId: headers.id!,
          now: new Date(),
        })
      }
    }
    return c.body(null, 204)
  })
  .post('/karaden/:tenant/:token', async (c) => {
    const tenant = c.req.param('tenant')
    const expected = await tenantSecretFor(c.env, tenant, webhookSecrets.karaden)
    if (!expected || !sameText(c.req.param('token'), expected))
      return c.text('この URL では受け付けません / This URL is not accepted', 401)
    let json: unknown
    try {
      json = await c.req.json()
    } catch {
      json = null
    }
    const report = karadenReport.safeParse(json)
    if (!report.success) return c.text('送達結果として読めません / Not a delivery report', 400)
    await applyKaradenReport(await residentDb(c.env, tenant), {
      tenant,
      report: report.data,
      now: new Date(),
    })
    return c.body(null, 200)
  })
  .post('/twilio/:tenant', async (c) => {
    const tenant = c.req.param('tenant')
    const params = await signedByTwilio(c, tenant)
    if (!params) return c.text(unauthorized, 401)
    const status = twilioStatus.safeParse(Object.fromEntries(params))
    if (!status.success) return c.text('送達状況として読めません / Not a message status', 400)
    await applyTwilioStatus(await residentDb(c.env, tenant), { tenant, status: status.data, now: new Date() })
    return c.body(null, 204)
  })
  // The tenant's number's "a message comes in" webhook: residents' replies, STOP among them.
  // Refused as Twilio's own helpers refuse a bad signature (403).
  .post('/twilio/:tenant/inbound', async (c) => {
    const tenant = c.req.param('tenant')
    const params = await signedByTwilio(c, tenant)
    if (!params) return c.text(unauthorized, 403)
    const inbound = twilioInbound.safeParse(Object.fromEntries(params))
    if (!inbound.success) return c.text('受信メッセージとして読めません / Not an incoming message', 400)
    const db = await residentDb(c.env, tenant)
    const id = inbound.data.MessageSid
    // A reply already acted on (same MessageSid: Twilio's retry, or a captured one replayed) does nothing.
    if (await firstDelivery(db, { tenant, provider: 'twilio', id, now: new Date() })) {
      const applied = await applyTwilioInbound(db, { tenant, inbound: inbound.data, now: new Date() })
      const settings =
        applied === 'ignored' && !isHelpRequest(inbound.data) && (await findTenant(c.env.DB, tenant))
      // Not a keyword: the resident is writing to the town (issue 15, two-way SMS).
      if (settings)
        await consultationFromSms(
          c.env,
          db,
          settings,
          { from: inbound.data.From, text: inbound.data.Body },
          new Date(),
        )
    }
    // Empty TwiML: no reply from us (Twilio answers STOP/START itself).
    return c.body(emptyTwiml, 200, { 'content-type': 'text/xml; charset=utf-8' })
  })
  .post('/line/:tenant', async (c) => {
    const tenant = c.req.param('tenant')
    const raw = await c.req.text()
    const secret = await tenantSecretFor(c.env, tenant, webhookSecrets.line)
    if (!secret || !(await verifyLineSignature(secret, c.req.header('x-line-signature') ?? null, raw))) {
      return c.text(unauthorized, 401)
    }
    const body = JSON.parse(raw) as { events?: LineEvent[] }
    await handleLineEvents(c.env, tenant, body.events ?? [], publicOrigin(c))
    return c.body(null, 200)
  })
