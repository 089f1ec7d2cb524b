import type { Payload } from 'payload'

/** The CMS document behind a contract id: `task-<id>`, `survey-<id>-<n>` (the survey's n-th time). */
const documentOf = (id: string, prefix: 'task' | 'survey') =>
  new RegExp(`^${prefix}-(\\d+)(?:-(\\d+))?$`).exec(id)

/**
 * Titles for the task and survey ids in the counts, from the CMS's own documents (the national
 * and town content staff wrote); an id the CMS no longer holds keeps its id. Only ids already in
 * the user's rows are looked up, so no title of another town's content is read for them.
 */
export async function namesOf(
  payload: Payload,
  ids: { tasks: readonly string[]; surveys: readonly string[] },
): Promise<Record<string, string>> {
  const names: Record<string, string> = {}
  const lookup = async (
    collection: 'tasks' | 'surveys',
    list: readonly string[],
    prefix: 'task' | 'survey',
  ) => {
    const docIds = [...new Set(list.flatMap((id) => documentOf(id, prefix)?.[1] ?? []))]
    if (docIds.length === 0) return
    const { docs } = await payload.find({
      collection,
      where: { id: { in: docIds } },
      depth: 0,
      pagination: false,
      overrideAccess: true,
      select: { title: true },
    })
    const titles = new Map(
      docs.map((doc) => [String(doc.id), String((doc as { title?: unknown }).title ?? '')]),
    )
    for (const id of list) {
      const match = documentOf(id, prefix)
      const title = match ? titles.get(match[1] ?? '') : undefined
      if (title) names[id] = match?.[2] && match[2] !== '1' ? `${title}（${match[2]}回目）` : title
    }
  }
  await lookup('tasks', ids.tasks, 'task')
  await lookup('surveys', ids.surveys, 'survey')
  return names
}

/** What a table shows for an id: its title, or the id itself. */
export const nameOf = (names: Record<string, string>, id: string) => names[id] ?? id
