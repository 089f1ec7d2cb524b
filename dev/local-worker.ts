// Runs the Worker locally in real workerd through wrangler, with local D1 (migrations applied)
// and local Queues, persisted under a folder of the caller's choosing. Used by `npm start` and
// by the e2e tests; nothing here is part of the Worker itself.
import { type ChildProcess, spawn } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { D1Database } from '@cloudflare/workers-types'
import { getPlatformProxy } from 'wrangler'
import { d1Bindings, quietWranglerEnv, wranglerBin } from '../cli/wrangler'
import { freePort } from '../cms/db/freePort'
import type { Env } from '../edge/env'
import { shardDatabase } from '../edge/shards/databases'
import { placementOf } from '../edge/shards/map'

export interface LocalWorker {
  url: string
  /**
   * The outbox page with its key (`/outbox?key=…`): the local system turns the outbox on, and this
   * URL is the way in (the page keeps the key in a cookie, so its links and button work after).
   */
  outboxUrl: string
  persistTo: string
  /** workerd's DevTools port (wrangler's inspector proxy): bench/profile-workerd-cpu.ts profiles through it. */
  inspectorPort: number
  stop(): Promise<void>
}

export interface LocalWorkerOptions {
  persistTo: string
  port?: number
  /** More Worker vars and secrets; an OUTBOX_KEY here is the outbox's key (a random one otherwise). */
  vars?: Record<string, string>
  /** Another entry module with wrangler.toml's bindings (a bench's own Worker); edge/index.ts when unset. */
  script?: string
  /** Lines wrangler prints, for a caller that wants to show or keep them. */
  onOutput?: (line: string) => void
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [wranglerBin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`wrangler ${args[0]} failed (${code}):\n${output}`)),
    )
  })
}

/**
 * Migrating a fresh local D1 costs one wrangler run per binding (about 20 s in all on 2 cores), and
 * tests and benches start dozens of Workers: a fresh folder gets a copy of one migrated template,
 * made once per set of migrations in the system's temp folder. A folder with data is migrated in place.
 */
export async function applyMigrations(persistTo: string): Promise<void> {
  mkdirSync(persistTo, { recursive: true })
  if (existsSync(join(persistTo, 'v3'))) return migrateInPlace(persistTo)
  cpSync(await migratedTemplate(), persistTo, { recursive: true })
}

const root = resolve(import.meta.dirname, '..')

/** What a migrated template depends on: wrangler.toml's bindings and every migration file. */
function migrationsHash(): string {
  const hash = createHash('sha256').update(readFileSync(join(root, 'wrangler.toml')))
  const folder = join(root, 'edge', 'migrations')
  for (const name of readdirSync(folder, { recursive: true }).map(String).sort()) {
    const path = join(folder, name)
    if (name.endsWith('.sql') || name.endsWith('.json')) hash.update(name).update(readFileSync(path))
  }
  return hash.digest('hex').slice(0, 16)
}

async function migratedTemplate(): Promise<string> {
  // One template per user: mkdtemp makes it 0700, so another user's template cannot be read (and
  // Node's cpSync aborts the process on that error instead of throwing).
  const user = process.getuid?.() ?? 'user'
  const template = join(tmpdir(), `yorisoi-d1-template-${user}-${migrationsHash()}`)
  if (existsSync(join(template, 'v3'))) return template
  const staging = mkdtempSync(join(tmpdir(), 'yorisoi-d1-staging-'))
  await migrateInPlace(staging)
  try {
    renameSync(staging, template)
  } catch {
    // Another process made the same template first: theirs is used.
    rmSync(staging, { recursive: true, force: true })
  }
  return template
}

async function migrateInPlace(persistTo: string): Promise<void> {
  for (const binding of d1Bindings())
    await run(['d1', 'migrations', 'apply', binding, '--local', '--persist-to', persistTo], {
      ...process.env,
      ...quietWranglerEnv,
    })
}

export interface LocalD1 {
  /** The main database (DB), also shard 1. */
  db: D1Database
  /** The bindings as the Worker sees them: DB and every SHARD_n of wrangler.toml. */
  env: Env
  /** The shard database holding a town's residents, as the Worker resolves it (shard 1 if unplaced). */
  shardOf(tenant: string): Promise<D1Database>
  dispose(): Promise<void>
}

/** The local D1 under `persistTo` (main and every shard), migrated, opened in this process (no Worker running). */
export async function openLocalD1(persistTo: string): Promise<LocalD1> {
  await applyMigrations(persistTo)
  const proxy = await getPlatformProxy<Env>({
    configPath: resolve(import.meta.dirname, '../wrangler.toml'),
    persist: { path: resolve(persistTo, 'v3') },
    remoteBindings: false,
  })
  const env = proxy.env
  return {
    db: env.DB,
    env,
    shardOf: async (tenant) => shardDatabase(env, (await placementOf(env.DB, tenant)).shard),
    dispose: proxy.dispose,
  }
}

async function waitUntilHealthy(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 90_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited (${child.exitCode}):\n${output()}`)
    try {
      const res = await fetch(`${url}/healthz`)
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`wrangler dev did not answer ${url}/healthz within 90 s:\n${output()}`)
}

export async function startLocalWorker(options: LocalWorkerOptions): Promise<LocalWorker> {
  await applyMigrations(options.persistTo)
  // A free port found here can be taken by another process before workerd binds it (tests and
  // benches start Workers side by side): that start is tried again on fresh ports.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options)
    } catch (error) {
      if (attempt >= 3 || !String(error).includes('Address already in use')) throw error
    }
  }
}

async function startOnce(options: LocalWorkerOptions): Promise<LocalWorker> {
  const port = options.port ?? (await freePort())
  const inspectorPort = await freePort()
  // wrangler.toml ships the outbox off: a local Worker has it on, behind a key.
  const outboxKey = options.vars?.OUTBOX_KEY ?? randomBytes(18).toString('base64url')
  const vars = { OUTBOX_PAGE: 'on', ...options.vars, OUTBOX_KEY: outboxKey }
  const varArgs = Object.entries(vars).flatMap(([k, v]) => ['--var', `${k}:${v}`])
  const child = spawn(
    process.execPath,
    [
      wranglerBin,
      'dev',
      ...(options.script ? [options.script] : []),
      '--local',
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--inspector-port',
      String(inspectorPort),
      '--persist-to',
      options.persistTo,
      '--test-scheduled',
      '--show-interactive-dev-session=false',
      ...varArgs,
    ],
    {
      env: { ...process.env, ...quietWranglerEnv, WRANGLER_LOG: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: false,
    },
  )
  let output = ''
  const collect = (d: Buffer) => {
    const text = d.toString()
    output += text
    for (const line of text.split('\n')) if (line.trim()) options.onOutput?.(line)
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  const url = `http://127.0.0.1:${port}`
  try {
    await waitUntilHealthy(url, child, () => output)
  } catch (error) {
    child.kill('SIGKILL')
    throw error
  }
  return {
    url,
    outboxUrl: `${url}/outbox?key=${encodeURIComponent(outboxKey)}`,
    persistTo: options.persistTo,
    inspectorPort,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref()
      }),
  }
}
