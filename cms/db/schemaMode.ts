import type { Payload } from 'payload'
import pg from 'pg'
import { migrations } from '../migrations'

export type SchemaMode = 'push' | 'migrations'

/**
 * How the local system keeps this database's schema. Migrations (cms/migrations), as production
 * does — except for a database Payload has pushed a schema into before (it marks that with a
 * batch -1 row): migrating it would ask to drop what push made, so it keeps being pushed.
 */
export async function schemaModeOf(databaseUrl: string): Promise<SchemaMode> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const table = await client.query("SELECT to_regclass('payload_migrations') AS name")
    if (!table.rows[0]?.name) return 'migrations'
    const pushed = await client.query('SELECT 1 FROM payload_migrations WHERE batch = -1 LIMIT 1')
    return pushed.rowCount ? 'push' : 'migrations'
  } finally {
    await client.end()
  }
}

/**
 * Whether Payload pushes the schema on connect: YORISOI_SCHEMA_PUSH=on|off when set (npm start
 * sets it for the admin it runs), otherwise everywhere but production, as Payload's default.
 */
export function schemaPushFromEnv(env: Record<string, string | undefined> = process.env): boolean {
  if (env.YORISOI_SCHEMA_PUSH === 'on') return true
  if (env.YORISOI_SCHEMA_PUSH === 'off') return false
  return env.NODE_ENV !== 'production'
}

/**
 * For the local tools (npm start, npm run seed): the mode YORISOI_SCHEMA_PUSH asks for, else the
 * database's own; written back to the environment so the admin they start does the same.
 */
export async function chooseLocalSchema(databaseUrl: string): Promise<SchemaMode> {
  const asked = process.env.YORISOI_SCHEMA_PUSH
  const mode = asked === 'on' ? 'push' : asked === 'off' ? 'migrations' : await schemaModeOf(databaseUrl)
  process.env.YORISOI_SCHEMA_PUSH = mode === 'push' ? 'on' : 'off'
  return mode
}

type PayloadMigrations = NonNullable<Parameters<Payload['db']['migrate']>[0]>['migrations']

/** Runs the migrations in cms/migrations this database has not run yet, as production does on start. */
export async function runMigrations(payload: Payload): Promise<void> {
  // Payload types a migration's arguments as unknown; ours take the postgres adapter's.
  await payload.db.migrate({ migrations: migrations as unknown as PayloadMigrations })
}
