import { applyD1Migrations } from 'cloudflare:test'
import { env } from 'cloudflare:workers'

// Runs before each test file, outside its isolated storage; applying is idempotent.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS)
// Every shard has the same tables (main's stay empty there).
if (env.SHARD_2) await applyD1Migrations(env.SHARD_2, env.TEST_MIGRATIONS)
