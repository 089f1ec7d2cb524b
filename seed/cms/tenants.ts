import type { Payload, Where } from 'payload'
import type { SeedTenant } from '../tenants/schema'
import { type Counts, noCounts } from './counts'
import { differs } from './differs'
import { localSupportDocOf, tenantDocOf } from './tenant-docs'

type Doc = Record<string, unknown> & { id: number | string }

async function upsert(
  payload: Payload,
  collection: 'tenants' | 'local-support',
  where: Where,
  data: Record<string, unknown>,
  counts: Counts,
): Promise<number | string> {
  const found = await payload.find({ collection, where, depth: 0, limit: 1, overrideAccess: true })
  const existing = found.docs[0] as Doc | undefined
  if (!existing) {
    counts.created++
    return (await payload.create({ collection, data, overrideAccess: true })).id
  }
  if (differs(data, existing)) {
    await payload.update({ collection, id: existing.id, data, overrideAccess: true })
    counts.updated++
  } else counts.unchanged++
  return existing.id
}

/** The municipalities by slug, and each one's local support entries (published) by title. */
export async function upsertTenants(
  payload: Payload,
  tenants: readonly SeedTenant[],
): Promise<{ tenants: Counts; localSupport: Counts; ids: Record<string, number | string> }> {
  const counts = { tenants: noCounts(), localSupport: noCounts() }
  const ids: Record<string, number | string> = {}
  for (const tenant of tenants) {
    const slug = tenant.settings.slug
    ids[slug] = await upsert(
      payload,
      'tenants',
      { slug: { equals: slug } },
      tenantDocOf(tenant),
      counts.tenants,
    )
    for (const entry of tenant.entries) {
      const where: Where = { and: [{ tenant: { equals: ids[slug] } }, { title: { equals: entry.title } }] }
      await upsert(payload, 'local-support', where, localSupportDocOf(entry, ids[slug]!), counts.localSupport)
    }
  }
  return { ...counts, ids }
}
