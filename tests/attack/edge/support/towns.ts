import { exports } from 'cloudflare:workers'
import { prepareSnapshot, type TenantPart } from '../../../../shared/contract'
import { fixtureNationalPart, fixtureTenantParts } from '../../../../shared/contract/fixture'
import { ingest, publish } from '../../../edge/support/ingest-client'
import { linkInOutbox, origin, post, validRegistration } from '../../../edge/support/resident-http'
import { freshIp } from '../../../edge/support/verification'

const [sakura, lineOnlyMinato] = fixtureTenantParts as [TenantPart, TenantPart]

/** みなと町 taking email too, so its residents can be made through the registration page. */
const minato: TenantPart = {
  ...lineOnlyMinato,
  tenant: {
    ...lineOnlyMinato.tenant,
    channels: {
      ...lineOnlyMinato.tenant.channels,
      email: { senderName: 'みなと町 子育て便', fromAddress: 'yorisoi@minato.example.jp' },
    },
  },
}

/**
 * The fixture's towns published through the ingest API as the CMS does (さくら市 placed on shard 1,
 * みなと町 on shard 2), plus any others; once per file (its storage is its own).
 */
export async function publishTowns(id: string, others: TenantPart[] = []): Promise<void> {
  const active = (await (await ingest('/manifests/active')).json()) as {
    active: { manifest: { id: string } } | null
  }
  if (active.active?.manifest.id === id) return
  const snapshot = await prepareSnapshot({
    id,
    createdAt: '2026-11-21T00:00:00.000Z',
    parts: [fixtureNationalPart, sakura, minato, ...others],
  })
  const response = await publish(snapshot)
  if (!response.ok) throw new Error(`publish answered ${response.status}: ${await response.text()}`)
}

/** A resident made as a real one is: the registration page, then the link in their mailbox. */
export async function victim(tenant = 'sakura-city', fields: Record<string, string> = {}) {
  const notice = tenant === 'minato-town' ? 'v1' : '2026-04'
  const registration = validRegistration({ nickname: 'ひみつ', noticeVersion: notice, ...fields })
  const registered = await post(`/t/${tenant}`, registration, { ip: freshIp() })
  if (registered.status !== 303) throw new Error(`registration answered ${registered.status}`)
  const confirm = await linkInOutbox(registration.address!, '/c/')
  const confirmed = await post(confirm, {})
  const manage = confirmed.headers.get('location')?.split('?')[0]
  if (!manage) throw new Error(`confirmation answered ${confirmed.status}`)
  return {
    address: registration.address!,
    nickname: registration.nickname!,
    /** /c/{segment}: the confirmation link, spent now. */
    confirm,
    /** /r/{segment}: the manage page. */
    manage,
    segment: manage.replace('/r/', ''),
    /** /s/{segment}: the one-tap stop link from the confirmation mail. */
    stop: await linkInOutbox(registration.address!, '/s/'),
  }
}

export type Victim = Awaited<ReturnType<typeof victim>>

/** The victim's own manage page, to prove an attempt changed nothing they can see. */
export async function pageOf(manage: string): Promise<string> {
  return (await exports.default.fetch(`${origin}${manage}`)).text()
}
