import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type EmbeddedServer, startEmbeddedPostgres } from './embedded'

// As Payload's templates do: Next's server bundles do not set import.meta.dirname.
export const defaultDataDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../.data/postgres')
export const defaultDatabase = 'yorisoi'

let embedded: Promise<EmbeddedServer> | undefined

/**
 * The database the CMS uses: DATABASE_URL when set (a real server always wins), otherwise the
 * project's own embedded Postgres under .data/postgres, started once per process.
 */
export async function resolveDatabaseUrl(
  env: Record<string, string | undefined> = process.env,
): Promise<string> {
  if (env.DATABASE_URL) return env.DATABASE_URL
  embedded ??= startEmbeddedPostgres({ dataDir: env.YORISOI_PG_DIR ?? defaultDataDir })
  const server = await embedded
  await server.ensureDatabase(defaultDatabase)
  return server.urlFor(defaultDatabase)
}

/** Stops the embedded server if this process started one. */
export async function stopEmbeddedPostgres(): Promise<void> {
  if (!embedded) return
  const server = await embedded
  embedded = undefined
  await server.stop()
}
