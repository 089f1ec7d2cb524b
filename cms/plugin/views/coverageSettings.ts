import type { Payload, TypedUser } from 'payload'
import type { Program } from '../../../shared/program'
import type { YorisoiSlugs } from '../slugs'

export type CoverageSettings = {
  /** The tenant the settings come from, or null for the national view. */
  tenant: { id: number | string; name: string } | null
  programName: string
  program: Program
  /** The columns: the languages the tenant offers. */
  languages: string[]
  /** Tried in order after a resident's own language, as the edge does for this tenant. */
  fallbackLanguages: string[]
}

type TenantRow = {
  id: number | string
  name?: string
  program?: string
  languages?: string[] | null
  languageFallback?: string[] | null
}

/**
 * What the coverage view measures: for a tenant, its program, the languages it offers and its own
 * fallback order; without one (the national content), the first program and every language the
 * editors write in, falling back to the source language.
 */
export async function coverageSettings(
  payload: Payload,
  /** The person looking: a tenant they may not read (staff: another town) is not measured. */
  user: unknown,
  slugs: YorisoiSlugs,
  programs: Record<string, Program>,
  languages: readonly string[],
  tenantId?: string,
): Promise<CoverageSettings> {
  const firstProgram = Object.keys(programs)[0]!
  const tenant = tenantId
    ? ((await payload
        .findByID({
          collection: slugs.tenants,
          id: tenantId,
          depth: 0,
          overrideAccess: false,
          user: user as TypedUser | null,
        })
        .catch(() => null)) as TenantRow | null)
    : null
  if (!tenant) {
    return {
      tenant: null,
      programName: firstProgram,
      program: programs[firstProgram]!,
      languages: [...languages],
      fallbackLanguages: languages.slice(0, 1),
    }
  }
  const programName = tenant.program && programs[tenant.program] ? tenant.program : firstProgram
  return {
    tenant: { id: tenant.id, name: String(tenant.name ?? tenant.id) },
    programName,
    program: programs[programName]!,
    // The same defaults publishing sends to the edge (cms/publish/tenant-part.ts).
    languages: tenant.languages ?? languages.slice(0, 1),
    fallbackLanguages: tenant.languageFallback ?? languages.slice(0, 1),
  }
}
