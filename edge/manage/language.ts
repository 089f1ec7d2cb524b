import type { D1Database } from '@cloudflare/workers-types'
import type { TenantSettings } from '../../shared/contract'
import { wording } from '../../shared/languages/wording'
import { type ActionResult, refused } from './actions'

/** The language of the messages, among those the tenant offers; from the next message on. */
export async function changeLanguage(
  db: D1Database,
  tenant: TenantSettings,
  subscriberId: string,
  language: string,
  now: Date,
): Promise<ActionResult> {
  if (!tenant.languages.offered.includes(language))
    return refused(wording('言語を選んでください', 'Choose a language'))
  await db
    .prepare('UPDATE subscribers SET language = ?2, updated_at = ?3 WHERE id = ?1')
    .bind(subscriberId, language, now.toISOString())
    .run()
  return { ok: true }
}
