import type { Config, Endpoint, Plugin } from 'payload'
import { bilingual } from '../plugin/i18n'

// An empty CMS lets whoever POSTs /api/{users}/first-register first become its first user, with
// the roles they ask for (Payload creates that user with overrideAccess). In production the first
// administrator is made on the server by `npx yorisoi create-admin` instead.

export const createAdminCommand = 'npx yorisoi create-admin --email E < password-file'

export const firstRegisterRefused = bilingual(
  `本番環境では画面から最初のユーザーを作成できません。サーバーで ${createAdminCommand} を実行してください`,
  `In production the first user is not created here: run ${createAdminCommand} on the server`,
)

/** Custom endpoints are matched before Payload's own, so this answers first-register instead. */
const refuseFirstRegister: Endpoint = {
  method: 'post',
  path: '/first-register',
  handler: () => Response.json({ errors: [{ message: firstRegisterRefused }] }, { status: 403 }),
}

/**
 * Production's first admin: first-register refused on the users collection, and the admin's
 * create-first-user screen (which posts to it) says what to run instead.
 */
export const firstAdminByCommandOnly =
  (): Plugin =>
  (config: Config): Config => {
    const usersSlug = config.admin?.user
    const translations = config.i18n?.translations as
      | Record<string, { authentication?: Record<string, string> }>
      | undefined
    const screen = (language: 'ja' | 'en') => ({
      ...translations?.[language],
      authentication: {
        ...translations?.[language]?.authentication,
        beginCreateFirstUser: firstRegisterRefused,
      },
    })
    return {
      ...config,
      collections: (config.collections ?? []).map((collection) =>
        collection.slug === usersSlug
          ? { ...collection, endpoints: [refuseFirstRegister, ...(collection.endpoints || [])] }
          : collection,
      ),
      i18n: {
        ...config.i18n,
        translations: { ...translations, ja: screen('ja'), en: screen('en') },
      },
    }
  }
