import type { D1Database } from '@cloudflare/workers-types'
import type { Channel, TenantSettings } from '../../shared/contract'
import type { Env } from '../env'
import { residentDb } from '../shards/map'
import type { ChannelAdapter } from './adapter'
import type { ProviderOptions } from './http-send'
import { type KaradenCredentials, karadenAdapter } from './karaden'
import { lineAdapter } from './line'
import { missingCredentialsAdapter } from './missing-credentials'
import { outboxAdapter } from './outbox'
import { resendAdapter } from './resend'
import { listTenantSecrets, tenantSecretFor, tenantSecretKeys } from './secrets'
import { type TwilioCredentials, twilioAdapter } from './twilio'

/** The tenant secret that switches a channel from the local outbox to its provider. */
export const providerSecrets = {
  email: 'resend.apiKey',
  line: 'line.channelAccessToken',
  /** JSON: { accountSid, authToken, from }. */
  sms: 'twilio.credentials',
  /** JSON: { tenantId, token, serviceId } — 国内SMS; preferred over Twilio when both are stored. */
  smsDomestic: 'karaden.credentials',
} as const

/** The tenant secrets any of which lets a channel send through its provider. */
const credentialsOf: Record<Channel, readonly string[]> = {
  email: [providerSecrets.email],
  line: [providerSecrets.line],
  sms: [providerSecrets.smsDomestic, providerSecrets.sms],
}

/**
 * Real providers send where residents' links are https (PUBLIC_ORIGIN): there nothing falls back
 * to the local outbox. Locally (npm start, tests: an http origin or none) a channel without
 * credentials goes to the outbox, so the whole flow works with no API keys.
 */
export function realProvidersSend(env: Pick<Env, 'PUBLIC_ORIGIN'>): boolean {
  return env.PUBLIC_ORIGIN?.startsWith('https://') ?? false
}

/**
 * The tenant as residents may enrol with it: where real providers send, only the channels whose
 * credentials are stored (and readable: TENANT_SECRETS_KEY set); everywhere else, as enabled.
 */
export async function withSendableChannels(env: Env, tenant: TenantSettings): Promise<TenantSettings> {
  if (!realProvidersSend(env)) return tenant
  const stored = tenantSecretKeys(env)
    ? new Set((await listTenantSecrets(env.DB, tenant.slug)).map((s) => s.name))
    : new Set<string>()
  const channels = { ...tenant.channels }
  for (const channel of ['email', 'sms', 'line'] as const)
    if (!credentialsOf[channel].some((name) => stored.has(name))) delete channels[channel]
  return { ...tenant, channels }
}

function options(env: Env, baseUrl: string | undefined): ProviderOptions {
  const timeoutMs = Number(env.PROVIDER_TIMEOUT_MS)
  return {
    ...(baseUrl ? { baseUrl } : {}),
    ...(Number.isFinite(timeoutMs) && timeoutMs > 0 ? { timeoutMs } : {}),
  }
}

/** The URL Twilio posts a tenant's message statuses to, and the one its signature covers. */
export function twilioStatusCallback(origin: string, tenant: string): string {
  return `${origin.replace(/\/$/, '')}/webhooks/twilio/${encodeURIComponent(tenant)}`
}

/** The tenant's LINE channel access token, or null while LINE goes to the local outbox. */
export function lineChannelToken(env: Env, tenant: string): Promise<string | null> {
  return tenantSecretFor(env, tenant, providerSecrets.line)
}

/**
 * The adapter a tenant's messages on one channel go through — the daily deliveries and every
 * transactional send alike: the provider once the tenant's credentials are stored (secrets are read
 * from main); otherwise, where real providers send, one that sends nothing and asks for a person,
 * and locally the outbox, which stores each message in `shard` — the database of the tenant's
 * residents, resolved from the tenant when the caller does not pass it. Credentials neither of the
 * Worker's keys opens throw (bilingual): nothing is sent.
 */
export async function adapterFor(
  env: Env,
  tenant: string,
  channel: Channel,
  shard?: D1Database,
): Promise<ChannelAdapter> {
  if (channel === 'email') {
    const apiKey = await tenantSecretFor(env, tenant, providerSecrets.email)
    if (apiKey) return resendAdapter(apiKey, options(env, env.RESEND_BASE_URL))
  }
  if (channel === 'line') {
    const token = await lineChannelToken(env, tenant)
    if (token) return lineAdapter(token, options(env, env.LINE_API_BASE_URL))
  }
  if (channel === 'sms') {
    const domestic = await tenantSecretFor(env, tenant, providerSecrets.smsDomestic)
    if (domestic) {
      const credentials = JSON.parse(domestic) as KaradenCredentials
      return karadenAdapter(credentials, options(env, env.KARADEN_API_BASE_URL))
    }
    const json = await tenantSecretFor(env, tenant, providerSecrets.sms)
    if (json) {
      const credentials = JSON.parse(json) as TwilioCredentials
      return twilioAdapter(credentials, {
        ...options(env, env.TWILIO_API_BASE_URL),
        ...(env.PUBLIC_ORIGIN ? { statusCallback: twilioStatusCallback(env.PUBLIC_ORIGIN, tenant) } : {}),
      })
    }
  }
  return realProvidersSend(env)
    ? missingCredentialsAdapter(channel, credentialsOf[channel])
    : outboxAdapter(shard ?? (await residentDb(env, tenant)))
}
