import { standardProgram } from '../../shared/program'
import { defaultLanguages } from './languages'
import { defaultSlugs } from './slugs'
import type { ResolvedOptions, YorisoiPluginOptions } from './types'

export function resolveOptions(options: YorisoiPluginOptions = {}): ResolvedOptions {
  return {
    enabled: options.enabled ?? true,
    slugs: { ...defaultSlugs, ...options.slugs },
    programs: options.programs ?? { standard: standardProgram },
    languages: options.languages ?? defaultLanguages,
    overrides: options.overrides ?? {},
    multiTenant: options.multiTenant ?? {},
  }
}
