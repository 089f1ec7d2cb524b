import type { D1Database } from '@cloudflare/workers-types'
import type { CivilDate } from '../shared/calendar'
import { type Household, household, type ResidentTenant } from './residents/spread'
import { insertStatements } from './residents/sql'
import { loadSeedTenants } from './tenants'

export interface ResidentOptions {
  /** How many subscribers (primaries and partners together). */
  count: number
  /** The local date the residents are "today" in the program. */
  today: CivilDate
  log?: (line: string) => void
  /** Households per statement batch (about 1.2 subscribers each). */
  chunk?: number
}

export interface ResidentSummary {
  subscribers: number
  timelines: number
  partners: number
  milliseconds: number
}

export const residentTenants = (): ResidentTenant[] =>
  loadSeedTenants().map(({ birthsPerYear, settings }) => ({
    slug: settings.slug,
    birthsPerYear,
    channels: (['email', 'sms', 'line'] as const).filter((c) => settings.channels[c]),
    languages: settings.languages.offered,
    noticeVersion: settings.privacyNotice.version,
  }))

/** The first households whose subscribers add up to exactly `count` (a last partner may be left out). */
export function* households(count: number, tenants: readonly ResidentTenant[], today: CivilDate) {
  let total = 0
  for (let n = 1; total < count; n++) {
    const next = household(n, tenants, today)
    next.subscribers = next.subscribers.slice(0, count - total)
    total += next.subscribers.length
    yield next
  }
}

/** One database for every town, or the shard database of each town (as the Worker resolves it). */
export type ResidentTarget = D1Database | ((tenant: string) => Promise<D1Database>)

/**
 * Writes `count` synthetic residents straight into D1 (the local one of `npm start`), each town's
 * into its shard, with consents and next_send_on computed by shared/program. Resident n is the
 * same in every run, so running again with the same count changes nothing.
 */
export async function seedResidents(
  target: ResidentTarget,
  options: ResidentOptions,
): Promise<ResidentSummary> {
  const started = performance.now()
  const chunk = options.chunk ?? 4000
  const tenants = residentTenants()
  const dbOf = new Map<string, D1Database>()
  for (const { slug } of tenants) dbOf.set(slug, typeof target === 'function' ? await target(slug) : target)
  const summary = { subscribers: 0, timelines: 0, partners: 0 }
  // A household lives in one town, so in one shard: each shard's households are written together.
  const batches = new Map<D1Database, Household[]>()
  let waiting = 0
  const flush = async () => {
    for (const [db, batch] of batches) if (batch.length > 0) await db.batch(insertStatements(db, batch))
    batches.clear()
    waiting = 0
    options.log?.(`  ${summary.subscribers.toLocaleString()} 人 / residents`)
  }
  for (const next of households(options.count, tenants, options.today)) {
    const db = dbOf.get(next.subscribers[0]!.tenant)!
    const batch = batches.get(db) ?? []
    batch.push(next)
    batches.set(db, batch)
    waiting += 1
    summary.subscribers += next.subscribers.length
    summary.timelines += next.timelines.length
    summary.partners += next.subscribers.filter((s) => s.audience === 'partner').length
    if (waiting >= chunk) await flush()
  }
  if (waiting > 0) await flush()
  return { ...summary, milliseconds: Math.round(performance.now() - started) }
}
