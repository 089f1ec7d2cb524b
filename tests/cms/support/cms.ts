import { randomBytes } from 'node:crypto'
import { getPayload, type Payload, type SanitizedConfig } from 'payload'
import { inject } from 'vitest'
import { buildCmsConfig } from '../../../cms/config/build'
import { dropDatabase, ensureDatabase, withDatabase } from '../../../cms/db/admin'
import { closePayload } from '../../../cms/db/closePayload'

export type Cms = { payload: Payload; config: SanitizedConfig; stop: () => Promise<void> }

/** A CMS on a fresh database of its own, copied from the run's template (schema already there). */
export async function startCms(): Promise<Cms> {
  const adminUrl = inject('postgresAdminUrl')
  const database = `t_${randomBytes(6).toString('hex')}`
  await ensureDatabase(adminUrl, database, inject('templateDatabase'))
  const config = await buildCmsConfig({
    databaseUrl: withDatabase(adminUrl, database),
    push: false,
    logLevel: 'silent',
  })
  // Keyed by database: Payload caches one instance per key, and a file may run two CMSs side by side.
  const payload = await getPayload({ config, key: database })
  return {
    payload,
    config,
    stop: async () => {
      await closePayload(payload)
      await dropDatabase(adminUrl, database)
    },
  }
}
