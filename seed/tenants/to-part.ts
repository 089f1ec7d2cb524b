import { contractVersion, type LocalSupportEntry, type TenantPart } from '../../shared/contract'
import type { SeedLocalEntry, SeedTenant } from './schema'

// From the authoring form to the contract's published tenant part. Windows pass through (both
// use the engine's programWindowSchema); kinds the contract does not name are mapped to the
// nearest one it does, and the phone goes into the body as a tel: link.

export const kindInContract: Record<SeedLocalEntry['kind'], LocalSupportEntry['kind']> = {
  service: 'service',
  checkup: 'checkup',
  interview: 'service',
  'benefit-application': 'gift',
  hotline: 'hotline',
  event: 'event',
  'assigned-nurse': 'service',
}

const audiencesOf: Record<SeedLocalEntry['audience'], LocalSupportEntry['audiences']> = {
  primary: ['primary'],
  partner: ['partner'],
  family: ['family'],
  all: ['primary', 'partner', 'family'],
}

function entryInContract(slug: string, entry: SeedLocalEntry): LocalSupportEntry {
  return {
    id: `${slug}:${entry.key}`,
    version: 1,
    kind: kindInContract[entry.kind],
    language: entry.language,
    audiences: audiencesOf[entry.audience],
    window: entry.window,
    title: entry.title,
    body: {
      v: 1,
      blocks: [
        { t: 'p', c: [{ t: 'text', v: entry.body }] },
        {
          t: 'p',
          c: [
            { t: 'text', v: '電話 ' },
            { t: 'link', href: `tel:${entry.phone.replaceAll('-', '')}`, c: [{ t: 'text', v: entry.phone }] },
          ],
        },
      ],
    },
    url: entry.url,
  }
}

export function toTenantPart(tenant: SeedTenant): TenantPart {
  return {
    kind: 'tenant',
    contractVersion,
    tenant: tenant.settings,
    localEntries: tenant.entries.map((entry) => entryInContract(tenant.settings.slug, entry)),
    surveys: [],
  }
}
