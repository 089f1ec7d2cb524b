import { defineProject } from 'vitest/config'

// The CMS side and the Worker side together: the Worker runs in real workerd through wrangler dev
// with its own local D1. One local system at a time on 2 cores.
export default defineProject({
  test: {
    name: 'integration',
    include: ['tests/integration/**/*.test.ts'],
    root: new URL('../..', import.meta.url).pathname,
    // The CMS side runs on the same throwaway Postgres cluster the cms project uses.
    globalSetup: ['tests/cms/support/globalSetup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
})
