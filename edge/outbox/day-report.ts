import type { D1Database } from '@cloudflare/workers-types'
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

export async function dayReport(db: D1Database, snapshot: LoadedSnapshot, day: string): Promise<TownDay[]> {
  const towns: TownDay[] = []
  for (const { tenant } of snapshot.tenants.values()) {
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
