import type { D1Database } from '@cloudflare/workers-types'
import { readActiveManifest } from '../snapshot/active'
import { loadSnapshot } from '../snapshot/read'
import { tasksOf } from './offer'

/**
 * The tasks a survey's answer marks done, in the manifest the survey was offered from and the
 * active one (`main`: the manifests are there).
 */
export async function tasksDoneBySurvey(
  main: D1Database,
  offer: { manifestId: string; tenantSlug: string; surveyId: string },
): Promise<string[]> {
  const active = await readActiveManifest(main)
  const ids = new Set<string>()
  for (const id of new Set([offer.manifestId, active?.manifestId])) {
    if (!id) continue
    const snapshot = await loadSnapshot(main, id)
    const tenant = snapshot?.tenants.get(offer.tenantSlug)
    if (!snapshot || !tenant) continue
    for (const task of tasksOf(tenant, snapshot.national))
      if (task.doneBy === 'survey' && task.surveyId === offer.surveyId) ids.add(task.id)
  }
  return [...ids]
}
