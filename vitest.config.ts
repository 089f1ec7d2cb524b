import { defineConfig } from 'vitest/config'

// One runner; each project owns its config beside its tests: unit (shared, plain Node), cms (real
// Postgres), edge (real workerd + D1), e2e (real browser), system, integration, and the attack
// suite in two halves (attack: workerd; attack-cms: Postgres).
export default defineConfig({
  test: {
    projects: ['tests/*/vitest.config.ts', 'tests/attack/cms/vitest.config.ts'],
  },
})
