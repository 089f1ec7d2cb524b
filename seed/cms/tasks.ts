import type { Payload } from 'payload'
import { type SeedTask, seedTaskTitles } from '../tasks/definitions'
import { type Counts, noCounts } from './counts'
import { differs } from './differs'
import type { Person } from './message-data'

/** The survey a task waits for: the Japanese national survey of that title. */
async function surveyId(payload: Payload, title: string | undefined): Promise<number | string | null> {
  if (!title) return null
  const found = await payload.find({
    collection: 'surveys',
    where: {
      and: [{ title: { equals: title } }, { language: { equals: 'ja' } }, { tenant: { exists: false } }],
    },
    depth: 0,
    limit: 1,
    overrideAccess: true,
  })
  return found.docs[0]?.id ?? null
}

/**
 * The national sample tasks, written by the editor and approved by a supervisor through the
 * workflow, found again by their Japanese name. A task whose survey is missing is done by the
 * resident instead.
 */
export async function upsertTasks(
  payload: Payload,
  tasks: readonly SeedTask[],
  { editor, supervisor }: { editor: Person; supervisor: Person },
): Promise<Counts> {
  const counts = noCounts()
  const asEditor = { overrideAccess: false, user: editor } as const
  const asSupervisor = { overrideAccess: false, user: supervisor } as const
  for (const [index, task] of tasks.entries()) {
    const survey = await surveyId(payload, task.surveyTitle)
    const data = {
      texts: task.texts,
      window: task.window,
      audiences: task.audiences,
      doneBy: survey === null && task.doneBy === 'survey' ? 'resident' : task.doneBy,
      survey,
      remindAfterDays: task.remindAfterDays,
      sample: true,
    }
    const found = await payload.find({
      collection: 'tasks',
      where: { and: [{ title: { equals: seedTaskTitles[index] } }, { tenant: { exists: false } }] },
      depth: 0,
      limit: 1,
      overrideAccess: true,
    })
    const existing = found.docs[0]
    let saved = existing
    if (!existing) {
      saved = await payload.create({ collection: 'tasks', data, ...asEditor })
      counts.created++
    } else if (differs(data, existing)) {
      saved = await payload.update({ collection: 'tasks', id: existing.id, data, ...asEditor })
      counts.updated++
    } else counts.unchanged++
    if (saved && (saved as { state?: string }).state !== 'approved') {
      if ((saved as { state?: string }).state !== 'in-review')
        await payload.update({ collection: 'tasks', id: saved.id, data: { state: 'in-review' }, ...asEditor })
      await payload.update({
        collection: 'tasks',
        id: saved.id,
        data: { state: 'approved' },
        ...asSupervisor,
      })
    }
  }
  return counts
}
