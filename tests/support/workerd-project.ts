import { fileURLToPath } from 'node:url'
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin'
import { defineProject } from 'vitest/config'
import { staffTestPublicKey } from './staff-keys.ts'

// wrangler and miniflare start inside this process: keep them from reaching the network.
process.env.WRANGLER_SEND_METRICS = 'false'
process.env.CLOUDFLARE_CF_FETCH_ENABLED = 'false'

const root = fileURLToPath(new URL('../..', import.meta.url))

/**
 * A vitest project running the Worker in real workerd with wrangler.toml's bindings (both shards,
 * migrated before each file) and the fake providers, as tests/edge and the attack suite use it.
 */
export const workerdProject = (project: {
  name: string
  include: string[]
  /** More bindings beside the secrets every workerd project has. */
  bindings?: Record<string, string>
  /** More global setups beside the fake providers. */
  globalSetup?: string[]
}) =>
  defineProject(async () => ({
    plugins: [
      cloudflareTest({
        main: `${root}edge/index.ts`,
        wrangler: { configPath: `${root}wrangler.toml` },
        miniflare: {
          // Test-only bindings: the migrations for the setup file, and the secrets wrangler.toml
          // only names.
          bindings: {
            TEST_MIGRATIONS: await readD1Migrations(`${root}edge/migrations`),
            INGEST_TOKEN: 'test-ingest-token',
            SECRETS_TOKEN: 'test-secrets-token',
            DECISIONS_TOKEN: 'test-decisions-token',
            OPERATIONS_TOKEN: 'test-operations-token',
            IP_HASH_SALT: 'test-ip-hash-salt',
            LINK_SECRET: 'test-link-secret',
            // The staff API's public key; its private half signs as the CMS (tests/edge/support/staff.ts).
            STAFF_API_PUBLIC_KEY: JSON.stringify(staffTestPublicKey),
            // The local system turns the outbox on with a key; wrangler.toml ships it off.
            OUTBOX_PAGE: 'on',
            OUTBOX_KEY: 'test-outbox-key',
            // A shard move's wait for work under way: none in tests, which do one thing at a time.
            SHARD_MOVE_DRAIN_SECONDS: '0',
            ...project.bindings,
          },
        },
      }),
    ],
    test: {
      name: project.name,
      root,
      include: project.include,
      setupFiles: ['tests/edge/apply-migrations.ts'],
      // A busy 2-core runner can take more than vitest's default 5 s for a many-request test.
      testTimeout: 30_000,
      // Fake providers (Resend, LINE, Twilio, Karaden) as Node servers on 127.0.0.1.
      globalSetup: ['tests/fakes/global-setup.ts', ...(project.globalSetup ?? [])],
    },
  }))
