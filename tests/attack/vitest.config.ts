import { workerdProject } from '../support/workerd-project.ts'

// The edge half of the attack suite: the Worker as tests/edge runs it (real workerd, both shards
// migrated, fake providers), driven over HTTP only. The CMS half is tests/attack/cms.
export default workerdProject({
  name: 'attack',
  include: ['tests/attack/edge/**/*.test.ts'],
  // Webhook secrets are stored by the operator's ingest route, encrypted under this key.
  bindings: { TENANT_SECRETS_KEY: btoa('attack-suite-tenant-secrets-key!') },
  globalSetup: ['tests/attack/support/tally.ts'],
})
