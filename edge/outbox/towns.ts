import { html } from 'hono/html'
import type { LoadedSnapshot } from '../snapshot/read'

/** Each tenant's name as the active snapshot has it, by slug. */
export type TownNames = ReadonlyMap<string, { ja: string; en: string }>

export const townNames = (snapshot: LoadedSnapshot | null): TownNames =>
  new Map([...(snapshot?.tenants.values() ?? [])].map(({ tenant }) => [tenant.slug, tenant.name]))

/** A message's town: its name, Japanese then English; the slug for a town no longer published. */
export function townOf(towns: TownNames, slug: string) {
  const name = towns.get(slug)
  return name ? html`${name.ja} <span class="en" lang="en">${name.en}</span>` : slug
}
