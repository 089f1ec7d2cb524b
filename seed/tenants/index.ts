import komorebiWard from './komorebi-ward.json'
import mizuhoshiCity from './mizuhoshi-city.json'
import { type SeedTenant, seedTenant } from './schema'
import sorairoTown from './sorairo-town.json'

/** The three fictional municipalities: a town, a city and a ward. Raw JSON; parse before use. */
export const seedTenantFiles: Record<string, unknown> = {
  'sorairo-town': sorairoTown,
  'mizuhoshi-city': mizuhoshiCity,
  'komorebi-ward': komorebiWard,
}

/** Every seed municipality, validated; throws with the file and path of the first problem. */
export function loadSeedTenants(): SeedTenant[] {
  return Object.entries(seedTenantFiles).map(([name, raw]) => {
    const parsed = seedTenant.safeParse(raw)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!
      throw new Error(`seed/tenants/${name}.json at ${issue.path.join('.')}: ${issue.message}`)
    }
    return parsed.data
  })
}
