import type { NationalPart, TenantSettings } from '../../shared/contract'
import { allSendSlots, standardProgram } from '../../shared/program'

/** Slots of a tenant's program that a language cannot serve to the primary audience. */
export interface CoverageGap {
  tenant: string
  language: string
  missing: string[]
}

/**
 * For every language a tenant offers, the program slots with no primary message in that language
 * or in any of the tenant's fallback languages — the days a resident would get nothing.
 */
export function coverageGaps(national: NationalPart, tenant: TenantSettings): CoverageGap[] {
  const program = tenant.program.kind === 'custom' ? tenant.program.program : standardProgram
  const written = new Set(
    national.messages.filter((m) => m.audience === 'primary').map((m) => `${m.slot} ${m.language}`),
  )
  const gaps: CoverageGap[] = []
  for (const language of tenant.languages.offered) {
    const candidates = [language, ...tenant.languages.fallback]
    const missing = allSendSlots(program).filter(
      (slot) => !candidates.some((l) => written.has(`${slot} ${l}`)),
    )
    if (missing.length > 0) gaps.push({ tenant: tenant.slug, language, missing })
  }
  return gaps
}
