import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'unit',
    include: ['tests/unit/**/*.test.ts'],
    root: new URL('../..', import.meta.url).pathname,
  },
})
