import { z } from 'zod'
import {
  httpsUrl,
  localEntryKinds,
  localEntryPriorities,
  nonEmpty,
  phone,
  tenantSettings,
} from '../../shared/contract'
import { programWindowSchema } from '../../shared/program'

// The authoring form of a seed municipality: the contract's tenant settings as they are, plus
// local support entries written the way municipal staff write them (plain text, a phone number,
// a window in 妊娠nか月 / 生後n日 / 月齢). `toTenantPart` turns this
// into the contract's published tenant part.

export const seedEntryKinds = localEntryKinds

export const seedEntryAudiences = ['primary', 'partner', 'family', 'all'] as const

export const seedLocalEntry = z.object({
  /** Stable within the tenant, so that seeding twice updates instead of duplicating. */
  key: z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/, 'key: lowercase letters, digits and hyphens'),
  kind: z.enum(seedEntryKinds),
  title: nonEmpty(80),
  body: nonEmpty(400),
  url: httpsUrl,
  phone,
  window: programWindowSchema,
  audience: z.enum(seedEntryAudiences),
  language: z.literal('ja'),
  priority: z.enum(localEntryPriorities).default('normal'),
  /** The entry in other languages, written as staff write it (plain text). */
  translations: z
    .array(z.object({ language: z.string(), title: nonEmpty(80), body: nonEmpty(400) }))
    .default([]),
})
export type SeedLocalEntry = z.infer<typeof seedLocalEntry>

export const seedTenant = z
  .object({
    /** Fictional; used to size synthetic residents for demos and benchmarks. */
    birthsPerYear: z.int().min(1),
    settings: tenantSettings,
    entries: z.array(seedLocalEntry).min(15).max(30),
  })
  .superRefine((tenant, ctx) => {
    const seen = new Set<string>()
    tenant.entries.forEach((entry, index) => {
      if (seen.has(entry.key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['entries', index, 'key'],
          message: `Duplicate key ${entry.key}`,
        })
      }
      seen.add(entry.key)
    })
  })
export type SeedTenant = z.infer<typeof seedTenant>
