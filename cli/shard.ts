import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import type { MoveCursor, MoveProgress } from '../edge/shards/move-progress'
import type { ShardPlacements } from '../edge/shards/placements'
import { BilingualError } from '../shared/calendar'
import { parseCommand } from './args'
import { ingestCaller } from './edge-api'
import { d1Bindings, quietWranglerEnv, wranglerBin } from './wrangler'

const callIngest = ingestCaller('YORISOI_OPERATIONS_TOKEN')

// yorisoi shard migrate [--remote] [--persist-to DIR] — edge/migrations on every D1 binding of
// wrangler.toml (main and every shard). yorisoi shard list — each shard's towns.
// yorisoi shard move --tenant T --to S — moves a town's
// residents to shard S through the edge's /ingest/shards API while everything runs; run the same
// command again to resume a move that stopped.

export const SHARD_USAGE =
  'yorisoi shard migrate [--remote] [--persist-to DIR] | list | move --tenant T --to S'

const options = {
  remote: { type: 'boolean' },
  'persist-to': { type: 'string' },
  tenant: { type: 'string' },
  to: { type: 'string' },
} as const

const say = (line: string) => process.stdout.write(`${line}\n`)

/** Runs wrangler with the operator's terminal (its own output and, remotely, its login). */
function wrangler(args: string[], quiet: boolean): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [wranglerBin, ...args], {
      env: { ...process.env, ...(quiet ? quietWranglerEnv : { WRANGLER_SEND_METRICS: 'false' }) },
      stdio: 'inherit',
    })
    child.on('error', fail)
    child.on('exit', (code) =>
      code === 0
        ? done()
        : fail(
            new BilingualError({
              ja: `wrangler ${args.slice(0, 5).join(' ')} が失敗しました (${code})`,
              en: `wrangler ${args.slice(0, 5).join(' ')} failed (${code})`,
            }),
          ),
    )
  })
}

async function migrate(remote: boolean, persistTo: string): Promise<void> {
  const bindings = d1Bindings()
  for (const binding of bindings) {
    say(`${binding}: マイグレーションを適用します / applying migrations${remote ? ' (remote)' : ''}`)
    await wrangler(
      [
        'd1',
        'migrations',
        'apply',
        binding,
        ...(remote ? ['--remote'] : ['--local', '--persist-to', persistTo]),
      ],
      !remote,
    )
  }
  say(`${bindings.length} 個のデータベースは最新です / ${bindings.length} databases up to date`)
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function list(): Promise<void> {
  const { shards } = (await callIngest('GET', 'shards')) as { shards: ShardPlacements[] }
  for (const { shard, bound, tenants, arriving } of shards)
    say(
      [
        shard,
        tenants.join(', ') || '—',
        ...(arriving.length > 0 ? [`移動中 / arriving: ${arriving.join(', ')}`] : []),
        ...(bound ? [] : ['wrangler.toml にありません / not bound']),
      ].join('\t'),
    )
  const open = shards.filter((s) => s.bound)
  const fewest = Math.min(...open.map((s) => s.tenants.length))
  const next = open.find((s) => s.tenants.length === fewest)
  if (next) say(`新しい自治体はシャード ${next.shard} へ / a new town goes to shard ${next.shard}`)
}

async function move(tenant: string, to: number): Promise<void> {
  const started = (await callIngest('POST', 'shards/moves', { tenant, to })) as {
    from: number
    moving: boolean
  }
  say(
    started.moving
      ? `${tenant}: シャード ${started.from} → ${to} に移します / moving from shard ${started.from} to ${to}`
      : `${tenant} はシャード ${to} にあります。残りを片付けます / ${tenant} is on shard ${to}: clearing what is left elsewhere`,
  )
  let cursor: MoveCursor | null = null
  const copied = new Map<string, number>()
  const removed = new Map<string, number>()
  let forwards = 0
  for (;;) {
    const step = (await callIngest('POST', `shards/moves/${encodeURIComponent(tenant)}/step`, {
      cursor,
    })) as MoveProgress
    if (step.phase === 'done') break
    if (step.phase === 'draining') {
      const seconds = Math.ceil(step.waitMs / 1000)
      say(`処理中の作業を ${seconds} 秒待ちます / letting work under way finish (${seconds} s)`)
      await sleep(step.waitMs)
    } else if (step.phase === 'copy') {
      cursor = step.cursor
      copied.set(step.table, (copied.get(step.table) ?? 0) + step.rows)
    } else if (step.phase === 'forward') {
      cursor = step.cursor
      forwards += step.links
    } else if (step.phase === 'moved') {
      say(
        `切り替えました。住民はシャード ${step.shard} から / switched: residents are served from shard ${step.shard}`,
      )
    } else removed.set(step.table, (removed.get(step.table) ?? 0) + step.removed)
  }
  const list = (counts: Map<string, number>) => [...counts].map(([table, n]) => `${table} ${n}`).join(', ')
  if (copied.size > 0) say(`コピー / copied: ${list(copied)}`)
  if (forwards > 0) say(`リンクの転送 / link forwards: ${forwards}`)
  if (removed.size > 0) say(`元のシャードから削除 / removed from the old shard: ${list(removed)}`)
  say(`${tenant} はシャード ${to} にあります / ${tenant} is on shard ${to}`)
}

export async function shard(argv: string[]): Promise<void> {
  const { positionals, values } = parseCommand(argv, options, SHARD_USAGE)
  const usage = new BilingualError({ ja: `使い方: ${SHARD_USAGE}`, en: `usage: ${SHARD_USAGE}` })
  if (positionals.length !== 1) throw usage
  if (positionals[0] === 'migrate' && !values.tenant && !values.to) {
    const persistTo = resolve(values['persist-to'] ?? resolve(import.meta.dirname, '..', '.data', 'wrangler'))
    return migrate(values.remote ?? false, persistTo)
  }
  const flags = Object.values(values).some((v) => v !== undefined)
  if (positionals[0] === 'list' && !flags) return list()
  if (positionals[0] !== 'move' || values.remote || values['persist-to']) throw usage
  const to = Number(values.to)
  if (!values.tenant || !Number.isInteger(to) || to < 1)
    throw new BilingualError({
      ja: '--tenant と --to（シャード番号）を指定してください',
      en: '--tenant and --to (a shard number) are required',
    })
  return move(values.tenant, to)
}
