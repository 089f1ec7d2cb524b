import type { D1Database } from '@cloudflare/workers-types'
import type { Task } from '../../../shared/contract'

/** A task as the town writes it: 'every' window, for primary readers, marked by the resident unless told. */
export const aTask = (id: string, changes: Partial<Task> = {}): Task => ({
  id,
  version: 1,
  window: { unit: 'every' },
  audiences: ['primary'],
  doneBy: 'resident',
  remindAfterDays: [7, 14],
  url: `https://sakura.example.jp/${id}`,
  texts: [
    { language: 'ja', title: `${id}の手続き`, line: `${id}の手続きはお済みですか。` },
    { language: 'en', title: `The ${id} form`, line: `Have you done the ${id} form?` },
  ],
  supervisors: [],
  sample: false,
  ...changes,
})

/**
 * A delivery that carried a task line, written as the delivery path writes it (deliveries, then
 * task_offers): reminder 0 is the first offer. `state` failed: the line never reached them.
 */
export async function offerTask(
  db: D1Database,
  offer: {
    subscriber: string
    tenant: string
    task: string
    on: string
    reminder?: number
    state?: 'sent' | 'failed-permanent'
  },
): Promise<void> {
  const id = `d-${offer.subscriber}-${offer.task}-${offer.on}`
  const at = `${offer.on}T00:00:00.000Z`
  await db.batch([
    db
      .prepare(
        `INSERT INTO deliveries (id, subscriber_id, tenant_slug, local_date, kind, channel, idempotency_key, state, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, 'program', 'email', ?1, ?5, ?6, ?6)`,
      )
      .bind(id, offer.subscriber, offer.tenant, offer.on, offer.state ?? 'sent', at),
    db
      .prepare(
        `INSERT INTO task_offers (delivery_id, subscriber_id, tenant_slug, task_id, task_version, reminder, local_date, created_at)
         VALUES (?1, ?2, ?3, ?4, 1, ?5, ?6, ?7)`,
      )
      .bind(id, offer.subscriber, offer.tenant, offer.task, offer.reminder ?? 0, offer.on, at),
  ])
}

/** A task_done row as markTaskDone writes it. */
export async function taskDoneRow(db: D1Database, subscriber: string, task: string) {
  return db
    .prepare(
      'SELECT tenant_slug AS tenant, done_on AS doneOn, done_by AS doneBy FROM task_done WHERE subscriber_id = ?1 AND task_id = ?2',
    )
    .bind(subscriber, task)
    .first<{ tenant: string; doneOn: string; doneBy: string }>()
}
