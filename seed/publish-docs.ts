import type { LocalSupportDoc, TenantDoc } from '../cms/publish/tenant-part'
import type { SeedTenant } from './tenants/schema'
import { kindInContract } from './tenants/to-part'

// Bridges between what the CMS stores today and what cms/publish's tenant builder reads. Each
// one is a no-op once the CMS side has the field; until then the seed's own files fill the gap.

/** The sender's postal address and sender ids, from the seed file when the CMS has no such field. */
export function withSeedSettings(doc: TenantDoc, seeded: SeedTenant | undefined): TenantDoc {
  if (!seeded) return doc
  const channels = seeded.settings.channels
  return {
    ...doc,
    postalAddress: doc.postalAddress ?? seeded.settings.postalAddress,
    senders: doc.senders ?? {
      fromAddress: channels.email?.fromAddress ?? null,
      lineBasicId: channels.line?.basicId ?? null,
    },
  }
}

/** The CMS's richer kinds (interview, benefit application…) as the contract's, and its url/phone. */
export function entryForPart(doc: LocalSupportDoc & { url?: string | null; phone?: string | null }) {
  const kind = kindInContract[doc.kind as keyof typeof kindInContract] ?? doc.kind
  const phone = doc.phone && !doc.body.includes(doc.phone) ? `\n\n電話 ${doc.phone}` : ''
  return {
    ...doc,
    kind,
    body: doc.body + phone,
    contact: doc.contact ?? { url: doc.url ?? null, phone: doc.phone ?? null },
  }
}
