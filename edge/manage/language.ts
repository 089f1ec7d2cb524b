import type { D1Database } from '@cloudflare/workers-types'
import type { TenantSettings } from '../../shared/contract'
import type { ActionResult } from './actions'

/** The language of the messages, among those the tenant offers; from the next message on. */
export async function changeLanguage(
  db: D1Database,
  tenant: TenantSettings,
  subscriberId: string,
  language: string,
  now: Date,
): Promise<ActionResult> {
  if (!tenant.languages.offered.includes(language))
    return { ok: false, problem: { ja: '言語を選んでください', en: 'Choose a language' } }
  await db
    .prepare('UPDATE subscribers SET language = ?2, updated_at = ?3 WHERE id = ?1')
    .bind(subscriberId, language, now.toISOString())
    .run()
  return { ok: true }
}
