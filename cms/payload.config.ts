import { buildCmsConfig } from './config/build'
import { resolveDatabaseUrl } from './db/databaseUrl'

// DATABASE_URL when set; otherwise the project's embedded Postgres under .data/postgres.
export default buildCmsConfig({ databaseUrl: await resolveDatabaseUrl() })
