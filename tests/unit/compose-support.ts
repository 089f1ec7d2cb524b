import { seededEditions } from '../../seed/content/editions'
import { generateSampleMessages } from '../../seed/content/generate'
import { loadSeedTenants } from '../../seed/tenants'
import { toTenantPart } from '../../seed/tenants/to-part'
import { type DeliveryLinks, indexMessages } from '../../shared/compose'
import {
  contractVersion,
  type NationalPart,
  nationalPart,
  type TenantPart,
  tenantPart,
} from '../../shared/contract'
import { fixtureNationalPart, fixtureTenantParts } from '../../shared/contract/fixture'

// What the compose tests share: the fixture snapshot, the 1,626 sample messages as a national
// part, a seed municipality that sends email, and one delivery's signed links.

export const links: DeliveryLinks = {
  messageUrl: 'https://yorisoi.example.jp/m/Ab3dE',
  consultUrl: 'https://yorisoi.example.jp/c/Ab3dE',
  selfServiceUrl: 'https://yorisoi.example.jp/s/Ab3dE',
  unsubscribeUrl: 'https://yorisoi.example.jp/u/Ab3dE',
}

export const sakura = fixtureTenantParts[0]!
export const fixtureIndex = indexMessages(fixtureNationalPart)

let samples: NationalPart | undefined

/** The seed's sample messages, validated as the contract's national part. */
export function sampleNational(): NationalPart {
  samples ??= nationalPart.parse({
    kind: 'national',
    contractVersion,
    messages: generateSampleMessages(undefined, seededEditions).map((m) => ({
      id: `sample:${m.slot}:${m.audience}:${m.language}`,
      version: 1,
      slot: m.slot,
      audience: m.audience,
      language: m.language,
      subject: m.subject,
      body: m.body,
      shortText: m.shortText,
      supervisors: ['見本（未監修）'],
      sample: true,
    })),
  })
  return samples
}

/** そらいろ町 from the seed, sending email too and offering English with Japanese as fallback. */
export function sampleTenant(): TenantPart {
  const seed = loadSeedTenants().find((t) => t.settings.slug === 'sorairo-town')!
  const part = toTenantPart(seed)
  return tenantPart.parse({
    ...part,
    tenant: {
      ...part.tenant,
      channels: {
        ...part.tenant.channels,
        email: { senderName: 'そらいろ町 子育てお便り', fromAddress: 'otayori@sorairo-town.example.jp' },
        sms: { senderName: 'Sorairo' },
      },
      languages: { offered: ['ja', 'en'], fallback: ['ja'] },
    },
  })
}
