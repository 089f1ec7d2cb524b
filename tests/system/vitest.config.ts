import { defineProject } from 'vitest/config'

// The whole system as people meet it: the Payload admin built for production (`next build` +
// `next start`, once per run, shared by the files), the Worker in workerd (wrangler dev, local D1
// and Queues), real Postgres, and the Chromium inside @sparticuz/chromium (tests/support/browser.ts).
// One file at a time on 2 cores.
export default defineProject({
  test: {
    name: 'system',
    include: ['tests/system/**/*.test.ts'],
    root: new URL('../..', import.meta.url).pathname,
    globalSetup: [
      'tests/support/browserSetup.ts',
      'tests/cms/support/globalSetup.ts',
      'tests/system/support/globalSetup.ts',
    ],
    setupFiles: ['tests/system/support/ready.ts'],
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 180_000,
  },
})
