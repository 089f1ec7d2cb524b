import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'e2e',
    include: ['tests/e2e/**/*.test.ts'],
    root: new URL('../..', import.meta.url).pathname,
    globalSetup: ['tests/support/browserSetup.ts'],
    // One browser and one local system at a time: 2 cores.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
})
