import { contractVersion, type LocalSupportEntry, type TenantPart } from '../../shared/contract'
import type { SeedLocalEntry, SeedTenant } from './schema'

// From the authoring form to the contract's published tenant part: windows and kinds pass through
// (both sides use the engine's programWindowSchema and the contract's kinds).

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
    kind: entry.kind,
    language: entry.language,
    audiences: audiencesOf[entry.audience],
    window: entry.window,
    title: entry.title,
    body: { v: 1, blocks: [{ t: 'p', c: [{ t: 'text', v: entry.body }] }] },
    url: entry.url,
    phone: entry.phone,
    priority: entry.priority,
    translations: entry.translations.map((t) => ({
      language: t.language,
      title: t.title,
      body: { v: 1, blocks: [{ t: 'p', c: [{ t: 'text', v: t.body }] }] },
    })),
  }
}

export function toTenantPart(tenant: SeedTenant): TenantPart {
  return {
    kind: 'tenant',
    contractVersion,
    tenant: tenant.settings,
    localEntries: tenant.entries.map((entry) => entryInContract(tenant.settings.slug, entry)),
    surveys: [],
    announcements: [],
    tasks: [],
  }
}
