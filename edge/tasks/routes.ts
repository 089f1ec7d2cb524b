import type { D1Database } from '@cloudflare/workers-types'
import { Hono } from 'hono'
import { localDate } from '../../shared/calendar'
import type { Task, TenantSettings } from '../../shared/contract'
import { taskTextFor } from '../../shared/tasks'
import type { Env } from '../env'
import { subscriberLanguage } from '../resident/language'
import { findPageDelivery } from '../resident/page-delivery'
import { openLink } from '../shards/links'
import { ensureSettled } from '../shards/map'
import { readActiveManifest } from '../snapshot/active'
import { loadSnapshot } from '../snapshot/read'
import { residentHeaders, sameOriginForms } from '../web/guard'
import { linkNotValidPage } from '../web/notice'
import { readAs } from '../web/reader'
import { markTaskDone } from './done'
import { tasksOf } from './offer'
import { taskClosedPage, taskDonePage, taskThanksPage } from './pages'
import { type RecordedTaskOffer, taskOfferOfDelivery } from './recorded-offer'

/**
 * The task as offered: from the delivery's manifest, or, once that is pruned, from the active one
 * while it still publishes the task.
 */
async function taskOfOffer(
  main: D1Database,
  manifestId: string | null,
  offer: RecordedTaskOffer,
): Promise<{ task: Task; tenant: TenantSettings } | null> {
  const active = await readActiveManifest(main)
  for (const id of [manifestId, active?.manifestId]) {
    if (!id) continue
    const snapshot = await loadSnapshot(main, id)
    const tenant = snapshot?.tenants.get(offer.tenantSlug)
    if (!snapshot || !tenant) continue
    const task = tasksOf(tenant, snapshot.national).find((t) => t.id === offer.taskId)
    if (task) return { task, tenant: tenant.tenant }
  }
  return null
}

/**
 * The task a /k/ link names — the delivery its message page token names, in the shard its prefix
 * names, and the task line that delivery carried, one the resident marks done themselves — in the
 * resident's language; throws TenantMoving while the tenant moves.
 */
async function openTask(env: Env, segment: string) {
  const link = await openLink(env, segment)
  const delivery = link && (await findPageDelivery(link.db, link.token))
  const offer = delivery && (await taskOfferOfDelivery(link.db, delivery.id))
  if (!link || !delivery || !offer) return null
  await ensureSettled(env, offer.tenantSlug)
  const offered = await taskOfOffer(env.DB, delivery.manifestId, offer)
  if (offered && offered.task.doneBy !== 'resident') return null
  const language = await subscriberLanguage(link.db, offer.subscriberId)
  readAs(language, offered?.tenant.languages.offered)
  const text = offered && taskTextFor(offered.task, language ?? 'ja', offered.tenant.languages.fallback)
  return { db: link.db, offer, offered: offered && text ? { ...offered, text } : null }
}

const isDone = async (db: D1Database, offer: RecordedTaskOffer) =>
  (await db
    .prepare('SELECT 1 AS yes FROM task_done WHERE subscriber_id = ?1 AND task_id = ?2')
    .bind(offer.subscriberId, offer.taskId)
    .first()) !== null

export const taskRoutes = new Hono<{ Bindings: Env }>()
  .use(residentHeaders)
  // Never marks anything: mail scanners open every link in a message.
  .get('/:segment', async (c) => {
    const segment = c.req.param('segment')
    const opened = await openTask(c.env, segment)
    if (!opened) return c.html(linkNotValidPage(), 404)
    const { db, offer, offered } = opened
    if (!offered) return c.html(taskClosedPage(), 410)
    if (await isDone(db, offer)) return c.html(taskThanksPage(offered.text))
    return c.html(taskDonePage({ text: offered.text, action: `/k/${segment}` }))
  })
  .post('/:segment', sameOriginForms, async (c) => {
    const opened = await openTask(c.env, c.req.param('segment'))
    if (!opened) return c.html(linkNotValidPage(), 404)
    const { db, offer, offered } = opened
    if (!offered) return c.html(taskClosedPage(), 410)
    const now = new Date()
    await markTaskDone(db, {
      subscriberId: offer.subscriberId,
      tenant: offer.tenantSlug,
      taskId: offer.taskId,
      doneOn: localDate(now, offered.tenant.timeZone),
      doneBy: 'resident',
      now,
    }).run()
    return c.html(taskThanksPage(offered.text))
  })
