import { fileURLToPath } from 'node:url'
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin'
import { defineProject } from 'vitest/config'
import { staffTestPublicKey } from '../edge/support/staff-keys.ts'

// wrangler and miniflare start inside this process: keep them from reaching the network.
process.env.WRANGLER_SEND_METRICS = 'false'
process.env.CLOUDFLARE_CF_FETCH_ENABLED = 'false'

const root = fileURLToPath(new URL('../..', import.meta.url))

// The edge half of the attack suite: the Worker as tests/edge runs it (real workerd, both shards
// migrated, fake providers), driven over HTTP only. The CMS half is tests/attack/cms.
export default defineProject(async () => ({
  plugins: [
    cloudflareTest({
      main: `${root}edge/index.ts`,
      wrangler: { configPath: `${root}wrangler.toml` },
      miniflare: {
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
          // Webhook secrets are stored by the operator's ingest route, encrypted under this key.
          TENANT_SECRETS_KEY: btoa('attack-suite-tenant-secrets-key!'),
          OUTBOX_PAGE: 'on',
          OUTBOX_KEY: 'test-outbox-key',
          SHARD_MOVE_DRAIN_SECONDS: '0',
        },
      },
    }),
  ],
  test: {
    name: 'attack',
    root,
    include: ['tests/attack/edge/**/*.test.ts'],
    setupFiles: ['tests/edge/apply-migrations.ts'],
    testTimeout: 30_000,
    globalSetup: ['tests/fakes/global-setup.ts', 'tests/attack/support/tally.ts'],
  },
}))
