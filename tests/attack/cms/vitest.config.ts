import { defineProject } from 'vitest/config'

// The CMS half of the attack suite: Payload on real Postgres as tests/cms runs it (one throwaway
// cluster per run, one database per file), attacked through its REST and GraphQL handlers.
export default defineProject({
  test: {
    name: 'attack-cms',
    include: ['tests/attack/cms/**/*.test.ts'],
    root: new URL('../../..', import.meta.url).pathname,
    globalSetup: ['tests/cms/support/globalSetup.ts', 'tests/attack/support/tally.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
})
