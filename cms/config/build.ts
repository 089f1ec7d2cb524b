import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { ja } from '@payloadcms/translations/languages/ja'
import { buildConfig, type SanitizedConfig } from 'payload'
import { aggregatesPlugin } from '../aggregates/plugin'
import { announcementsPlugin } from '../announcements/plugin'
import { dashboardPlugin } from '../dashboard/plugin'
import { indexParentsOfHasManyRows } from '../db/parentIndexes'
import { schemaPushFromEnv } from '../db/schemaMode'
import { migrations } from '../migrations'
import { type YorisoiPluginOptions, yorisoiPlugin } from '../plugin/index'
import { previewPlugin } from '../preview/plugin'
import { publishPlugin } from '../publish/plugin'
import { tasksPlugin } from '../tasks/plugin'
import { workspacePlugin } from '../workspace/plugin'
import { adminOrigin, secureLoginCookies } from './adminOrigin'
import { firstAdminByCommandOnly } from './firstAdmin'
import { payloadJapanese } from './japaneseWords'
import { locksInTransaction } from './locksInTransaction'
import { payloadSecret } from './secret'

export type CmsConfigOptions = {
  databaseUrl: string
  secret?: string
  plugin?: YorisoiPluginOptions
  /**
   * Let Payload create the tables on connect (tests, `npm run cms:dev`); otherwise the schema
   * comes from cms/migrations, which production runs on start. Default: schemaPushFromEnv().
   */
  push?: boolean
  /**
   * Production's rules: the first admin only by `npx yorisoi create-admin`, never first-register.
   * Default: NODE_ENV=production.
   */
  production?: boolean
  /** Payload's own log level; tests keep it quiet. */
  logLevel?: 'info' | 'warn' | 'error' | 'silent'
}

// As Payload's templates do: Next's server bundles do not set import.meta.dirname.
const cmsDir = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** The yorisoi CMS: Payload on Postgres with the yorisoi plugin, admin in Japanese and English. */
export function buildCmsConfig(options: CmsConfigOptions): Promise<SanitizedConfig> {
  const production = options.production ?? process.env.NODE_ENV === 'production'
  const origin = adminOrigin(process.env, production)
  return buildConfig({
    secret: options.secret ?? payloadSecret(),
    serverURL: origin.serverURL,
    csrf: origin.csrf,
    admin: {
      meta: { titleSuffix: ' — 寄り添い yorisoi' },
      // Payload's default is Gravatar: every page would send the staff member's email hash to a
      // third party, and a town's network may have no internet at all.
      avatar: 'default',
      // Payload's default reads "12月 6日 2026, 12:53 午後" in Japanese; this reads the same in both.
      dateFormat: 'yyyy/MM/dd HH:mm',
      importMap: { baseDir: cmsDir, importMapFile: resolve(cmsDir, 'app/(payload)/admin/importMap.js') },
    },
    editor: lexicalEditor(),
    db: postgresAdapter({
      pool: { connectionString: options.databaseUrl },
      push: options.push ?? schemaPushFromEnv(),
      migrationDir: resolve(cmsDir, 'migrations'),
      // Run on connect when NODE_ENV=production: a server never starts on a schema behind its code.
      prodMigrations: migrations,
      afterSchemaInit: [indexParentsOfHasManyRows],
    }),
    i18n: { supportedLanguages: { ja, en }, fallbackLanguage: 'ja', translations: { ja: payloadJapanese() } },
    typescript: { outputFile: resolve(cmsDir, 'payload-types.ts'), autoGenerate: false },
    telemetry: false,
    logger: options.logLevel ? { options: { level: options.logLevel } } : undefined,
    plugins: [
      yorisoiPlugin(options.plugin),
      publishPlugin({ programs: options.plugin?.programs, slugs: options.plugin?.slugs }),
      previewPlugin({ programs: options.plugin?.programs }),
      aggregatesPlugin(),
      dashboardPlugin(),
      workspacePlugin(),
      announcementsPlugin({ programs: options.plugin?.programs, languages: options.plugin?.languages }),
      tasksPlugin({ programs: options.plugin?.programs, languages: options.plugin?.languages }),
      ...(production ? [firstAdminByCommandOnly()] : []),
      secureLoginCookies(origin.secureCookie),
      // Last: it adds a hook to every collection the plugins above made.
      locksInTransaction(),
    ],
  })
}
