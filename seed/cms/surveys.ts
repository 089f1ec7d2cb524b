import type { Payload } from 'payload'
import { type SeedSurvey, surveyDocsOf } from '../surveys/definitions'
import { type Counts, noCounts } from './counts'
import { differs } from './differs'
import type { Person } from './message-data'

/** The national surveys, owned by the editor, found again by title and language. */
export async function upsertSurveys(
  payload: Payload,
  surveys: readonly SeedSurvey[],
  { editor, supervisor }: { editor: Person; supervisor: Person },
): Promise<Counts> {
  const counts = noCounts()
  const asEditor = { overrideAccess: false, user: editor } as const
  const asSupervisor = { overrideAccess: false, user: supervisor } as const
  for (const data of surveys.flatMap(surveyDocsOf)) {
    const found = await payload.find({
      collection: 'surveys',
      where: { and: [{ title: { equals: data.title } }, { language: { equals: data.language } }] },
      depth: 0,
      limit: 1,
      overrideAccess: true,
    })
    const existing = found.docs[0]
    let saved = existing
    if (!existing) {
      saved = await payload.create({ collection: 'surveys', data, ...asEditor })
      counts.created++
    } else if (differs(data, existing)) {
      saved = await payload.update({ collection: 'surveys', id: existing.id, data, ...asEditor })
      counts.updated++
    } else counts.unchanged++
    // National surveys reach residents only once a medical supervisor approved them.
    if (saved && (saved as { reviewState?: string }).reviewState !== 'approved') {
      await payload.update({
        collection: 'surveys',
        id: saved.id,
        data: { reviewState: 'in-review' },
        ...asEditor,
      })
      await payload.update({
        collection: 'surveys',
        id: saved.id,
        data: { reviewState: 'approved' },
        ...asSupervisor,
      })
    }
  }
  return counts
}
