import { defineProject } from 'vitest/config'

// Real Postgres: one throwaway embedded cluster per run (globalSetup), one database per test file
// copied from a template that already has the schema, so files run in parallel without sharing rows.
export default defineProject({
  test: {
    name: 'cms',
    include: ['tests/cms/**/*.test.ts'],
    root: new URL('../..', import.meta.url).pathname,
    globalSetup: ['tests/cms/support/globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
})
