import { randomBytes } from 'node:crypto'
import { getPayload, type Payload, type SanitizedConfig } from 'payload'
import { inject } from 'vitest'
import { buildCmsConfig } from '../../../cms/config/build'
import { dropDatabase, ensureDatabase, withDatabase } from '../../../cms/db/admin'
import { closePayload } from '../../../cms/db/closePayload'

export type Cms = {
  payload: Payload
  config: SanitizedConfig
  /** The file's own database, for a look from outside Payload (pg_stat_activity, a lock's age). */
  databaseUrl: string
  stop: () => Promise<void>
}

/**
 * A CMS on a fresh database of its own, copied from the run's template (schema already there).
 * `sideBySide`: a second Payload instance next to another in the same file (Payload caches one per
 * key). Only then: a keyed instance's pool outlives its close, so dropping its database leaves a
 * "terminating connection" error behind.
 */
export async function startCms(options: { sideBySide?: boolean } = {}): Promise<Cms> {
  const adminUrl = inject('postgresAdminUrl')
  const database = `t_${randomBytes(6).toString('hex')}`
  await ensureDatabase(adminUrl, database, inject('templateDatabase'))
  const databaseUrl = withDatabase(adminUrl, database)
  const config = await buildCmsConfig({
    databaseUrl,
    push: false,
    logLevel: 'silent',
  })
  const payload = await getPayload(options.sideBySide ? { config, key: database } : { config })
  return {
    payload,
    config,
    databaseUrl,
    stop: async () => {
      await closePayload(payload)
      await dropDatabase(adminUrl, database)
    },
  }
}
