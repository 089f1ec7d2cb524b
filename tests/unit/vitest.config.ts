import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'unit',
    include: ['tests/unit/**/*.test.ts'],
    root: new URL('../..', import.meta.url).pathname,
    // The property tests walk thousands of days; on a busy 2-core runner 5 s is too tight.
    testTimeout: 30_000,
  },
})
