import type { D1Database } from '@cloudflare/workers-types'
import type { TenantSettings } from '../shared/contract'
import { pruneClosedConsultations } from './consultation/retention'
import { pruneDeliveries, pruneOptionsFrom } from './delivery/prune'
import type { Env } from './env'
import { deleteDue } from './manage/deletion'
import { reportShardAggregates } from './reports/daily'
import { sweepRetention } from './resident/retention'
import { allShards } from './shards/databases'
import { tenantsByShard } from './shards/map'
import type { LoadedSnapshot } from './snapshot/read'
import { pruneAccessLog } from './staff/access-log-retention'
import { pruneStaffMessages } from './staff-messages/retention'
import { retryShardInterviews } from './surveys/interview-retry'
import { pruneVerifications } from './verification/prune'

/** One piece of a tick's housekeeping: what it did in one log line, or null when it did nothing. */
export type Chore = { name: string; run: () => Promise<string | null> }

/** A shard and the tenants of the active snapshot settled in it (moving ones left out). */
type ShardTenants = { shard: number; db: D1Database; tenants: string[] }

/**
 * What follows the runs, each a bounded batch per shard, each shard's rows handled in that shard:
 * a chore is per shard, so one failing in one shard never stops the others.
 */
export async function afterRuns(env: Env, snapshot: LoadedSnapshot, now: Date): Promise<Chore[]> {
  let groups: ShardTenants[]
  let moving: string[]
  try {
    const placed = await tenantsByShard(env, [...snapshot.tenants.keys()])
    groups = placed.filter((g) => g.tenants.length > 0)
    moving = placed.flatMap((g) => g.moving)
  } catch (error) {
    console.error('shards: the tenant map could not be read:', error instanceof Error ? error.message : error)
    return []
  }
  const shards = allShards(env)
  return [
    ...groups.map((g) => retention(g, snapshot, now)),
    ...groups.map((g) => deletions(g, snapshot, now)),
    ...groups.map((g) => closedConsultations(g, snapshot, now)),
    ...groups.map((g) => staffMessageRetention(g, snapshot, now)),
    ...groups.map((g) => accessLogRetention(g, snapshot, now)),
    ...shards.map((s) => deliveryPruning(env, s, moving, now)),
    ...shards.map(({ shard, db }) => ({
      name: `verifications: pruning (shard ${shard})`,
      run: async () => {
        await pruneVerifications(db, now)
        return null
      },
    })),
    ...shards.map((s) => ({
      name: `surveys: interview retry (shard ${s.shard})`,
      run: async () => {
        const sent = await retryShardInterviews(env, s, now)
        return sent > 0 ? `surveys: ${sent} interview requests forwarded on retry (shard ${s.shard})` : null
      },
    })),
    ...groups.map((g) => report(env, g, snapshot, now)),
  ]
}

function retention(group: ShardTenants, snapshot: LoadedSnapshot, now: Date): Chore {
  const tenants = group.tenants.flatMap((slug) => {
    const part = snapshot.tenants.get(slug)
    return part ? [part.tenant] : []
  })
  return {
    name: `retention: sweep (shard ${group.shard})`,
    run: async () => {
      const r = await sweepRetention(group.db, tenants, now)
      return r.marked + r.deleted > 0
        ? `retention: ${r.marked} inactive from now, ${r.deleted} deleted (shard ${group.shard})`
        : null
    },
  }
}

/**
 * Something the staff workspace keeps per town, deleted once past the town's retention (closed
 * consultations, staff messages), in this shard's settled tenants.
 */
function workspaceRetention(
  what: string,
  prune: (db: D1Database, tenants: TenantSettings[], now: Date) => Promise<number>,
) {
  return (group: ShardTenants, snapshot: LoadedSnapshot, now: Date): Chore => {
    const tenants = group.tenants.flatMap((slug) => {
      const part = snapshot.tenants.get(slug)
      return part ? [part.tenant] : []
    })
    return {
      name: `${what}: retention (shard ${group.shard})`,
      run: async () => {
        const deleted = await prune(group.db, tenants, now)
        return deleted > 0
          ? `${what}: ${deleted} past their town's retention deleted (shard ${group.shard})`
          : null
      },
    }
  }
}

const closedConsultations = workspaceRetention('closed consultations', pruneClosedConsultations)
const staffMessageRetention = workspaceRetention('staff messages', pruneStaffMessages)

/** Deletions whose 7 days have come (their confirmation could not be delivered), in this shard's settled tenants. */
function deletions(group: ShardTenants, snapshot: LoadedSnapshot, now: Date): Chore {
  const tenants = group.tenants.flatMap((slug) => {
    const part = snapshot.tenants.get(slug)
    return part ? [part.tenant] : []
  })
  return {
    name: `deletions: due (shard ${group.shard})`,
    run: async () => {
      const d = await deleteDue(group.db, tenants, now)
      return d.deleted + d.lapsed > 0
        ? `deletions: ${d.deleted} deleted as asked 7 days ago, ${d.lapsed} unconfirmed requests forgotten (shard ${group.shard})`
        : null
    },
  }
}

/** Access-log rows past their town's retention (workspace.retention.accessLogDays), in this shard's settled tenants. */
function accessLogRetention(group: ShardTenants, snapshot: LoadedSnapshot, now: Date): Chore {
  const tenants = group.tenants.flatMap((slug) => {
    const part = snapshot.tenants.get(slug)
    return part ? [part.tenant] : []
  })
  return {
    name: `access log: retention (shard ${group.shard})`,
    run: async () => {
      const deleted = await pruneAccessLog(group.db, tenants, now)
      return deleted > 0
        ? `access log: ${deleted} rows past their retention deleted (shard ${group.shard})`
        : null
    },
  }
}

/** Every tenant's old rows in this shard, but those of a tenant being moved. */
function deliveryPruning(
  env: Env,
  shard: { shard: number; db: D1Database },
  moving: string[],
  now: Date,
): Chore {
  return {
    name: `deliveries: pruning (shard ${shard.shard})`,
    run: async () => {
      const p = await pruneDeliveries(shard.db, now, pruneOptionsFrom(env), moving)
      return p.pruned > 0
        ? `deliveries: ${p.pruned} rolled up and pruned (before ${p.cutoff}, shard ${shard.shard})`
        : null
    },
  }
}

/** The shard's daily report: its own tenants' counts, and only theirs. */
function report(env: Env, group: ShardTenants, snapshot: LoadedSnapshot, now: Date): Chore {
  return {
    name: `aggregates: report (shard ${group.shard})`,
    run: async () => {
      const timeZones = new Map(
        [...snapshot.tenants.values()].map((part) => [part.tenant.slug, part.tenant.timeZone]),
      )
      const r = await reportShardAggregates(env, group, { now, timeZones })
      if (r.outcome === 'failed') throw new Error(r.error)
      return r.outcome === 'sent'
        ? `aggregates: ${r.surveys} survey, ${r.deliveries} delivery, ${r.deskForwards} desk-forward and ${r.flaggedDeliveries} flagged-delivery counts to the CMS (shard ${group.shard})`
        : null
    },
  }
}
