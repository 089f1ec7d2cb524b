import { defineConfig } from 'vitest/config'

// One runner, four projects; each project owns its config beside its tests:
// unit (shared, plain Node), cms (real Postgres), edge (real workerd + D1), e2e (real browser).
export default defineConfig({
  test: {
    projects: ['tests/*/vitest.config.ts'],
  },
})
