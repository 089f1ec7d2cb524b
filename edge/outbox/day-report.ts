import type { Env } from '../env'
import { tenantsByShard } from '../shards/map'
import type { LoadedSnapshot } from '../snapshot/read'

/** What one town's run of a day did, and what explains a run that queued no one. */
export interface TownDay {
  slug: string
  name: { ja: string; en: string }
  sendTime: string
  /** The tenant's run of that date; null when it has not run. */
  run: { state: 'enqueuing' | 'enqueued'; enqueued: number; startedAt: string } | null
  /** Residents by state (active, paused, stopped, pending). */
  states: Record<string, number>
  /** The first date after the day on which an active resident is due; null when none is. */
  nextDue: string | null
}

/** Each town's day, read in the shard of its residents (a town being moved is read where it was). */
export async function dayReport(env: Env, snapshot: LoadedSnapshot, day: string): Promise<TownDay[]> {
  const settings = [...snapshot.tenants.values()].map((part) => part.tenant)
  const shards = new Map(
    (
      await tenantsByShard(
        env,
        settings.map((t) => t.slug),
      )
    ).flatMap((group) => [...group.tenants, ...group.moving].map((tenant) => [tenant, group.db] as const)),
  )
  const towns: TownDay[] = []
  for (const tenant of settings) {
    const db = shards.get(tenant.slug)
    if (!db) continue
    const [run, states, next] = await db.batch([
      db
        .prepare(
          'SELECT state, enqueued, started_at AS startedAt FROM tenant_runs WHERE tenant_slug = ?1 AND local_date = ?2',
        )
        .bind(tenant.slug, day),
      db
        .prepare('SELECT state, COUNT(*) AS n FROM subscribers WHERE tenant_slug = ?1 GROUP BY state')
        .bind(tenant.slug),
      db
        .prepare(
          `SELECT MIN(next_send_on) AS nextDue FROM subscribers
           WHERE tenant_slug = ?1 AND state = 'active' AND next_send_on > ?2`,
        )
        .bind(tenant.slug, day),
    ])
    const runRow = run?.results[0] as TownDay['run'] | undefined
    towns.push({
      slug: tenant.slug,
      name: tenant.name,
      sendTime: tenant.sendTime,
      run: runRow ?? null,
      states: Object.fromEntries(
        ((states?.results ?? []) as { state: string; n: number }[]).map((r) => [r.state, r.n]),
      ),
      nextDue: (next?.results[0] as { nextDue: string | null } | undefined)?.nextDue ?? null,
    })
  }
  return towns
}
