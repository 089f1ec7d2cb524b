import type { D1Database } from '@cloudflare/workers-types'
import { copySteps } from '../../../edge/shards/move-plan'
import type { MoveCursor, MoveProgress } from '../../../edge/shards/move-progress'
import { tableHome } from '../../../edge/shards/tables'
import { ingest, ingestTokens } from './ingest-client'
import { NO_TENANT, tablesOf, tenantOfRows } from './shard-rows'

/** Starts moving `tenant` to shard `to` through the ingest API, as `npx yorisoi shard move` does. */
export async function startMove(tenant: string, to: number) {
  const response = await ingest('/shards/moves', { body: { tenant, to }, token: ingestTokens.operations })
  if (!response.ok) throw new Error(`move refused: ${response.status} ${await response.text()}`)
  return (await response.json()) as { from: number; to: number; moving: boolean }
}

/** One step of the move; `cursor` as the previous step answered. */
export async function moveStep(tenant: string, cursor: MoveCursor | null): Promise<MoveProgress> {
  const response = await ingest(`/shards/moves/${tenant}/step`, {
    body: { cursor },
    token: ingestTokens.operations,
  })
  if (!response.ok) throw new Error(`step refused: ${response.status} ${await response.text()}`)
  return (await response.json()) as MoveProgress
}

/** Steps until done (at most `limit` steps); returns every answer. */
export async function finishMove(tenant: string, cursor: MoveCursor | null = null, limit = 500) {
  const answers: MoveProgress[] = []
  for (let i = 0; i < limit; i++) {
    const step = await moveStep(tenant, cursor)
    answers.push(step)
    if (step.phase === 'done') return answers
    if (step.phase === 'copy' || step.phase === 'forward') cursor = step.cursor
  }
  throw new Error(`the move of ${tenant} did not finish in ${limit} steps`)
}

/** Start to done. */
export async function moveTown(tenant: string, to: number) {
  await startMove(tenant, to)
  return finishMove(tenant)
}

const renumbered = new Map(copySteps.flatMap((s) => (s.renumbered ? [[s.table, s.renumbered.id]] : [])))

/**
 * Every row of the town in every shard table of `db` that names a tenant, as sorted JSON per table
 * (ids the database numbers left out): what a move must carry whole.
 */
export async function townRows(db: D1Database, town: string): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {}
  for (const table of await tablesOf(db)) {
    if (tableHome[table as keyof typeof tableHome] === 'main') continue
    const of = await tenantOfRows(db, table)
    if (of === NO_TENANT) continue
    const sql = of.includes(' JOIN ')
      ? `${of.replace('SELECT p.tenant_slug AS tenant', 'SELECT c.*')} WHERE p.tenant_slug = ?1`
      : `SELECT * FROM ${table} WHERE tenant_slug = ?1`
    const { results } = await db.prepare(sql).bind(town).all<Record<string, unknown>>()
    const omit = renumbered.get(table as never)
    const rows = results.map((row) =>
      JSON.stringify(Object.fromEntries(Object.entries(row).filter(([k]) => k !== omit))),
    )
    if (rows.length > 0) out[table] = rows.sort()
  }
  return out
}
