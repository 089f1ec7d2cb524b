import type { Payload } from 'payload'
import { bilingual, type Task } from '../../shared/contract'
import type { ProgramWindow } from '../../shared/program'
import { toProgramWindow } from '../plugin/fields/window'
import { contractIdOf, tasksSlug } from '../tasks/states'
import type { PublishProblem } from './checks'
import type { ContentSlugs } from './types'

type Id = number | string

/** A task as its approver approved it (the tasks collection's `approved` copy). */
export interface ApprovedTask {
  version?: number | null
  texts: { language: string; title: string; line: string }[]
  window: unknown
  audiences: string[]
  doneBy: string
  survey?: Id | null
  remindAfterDays?: number[] | null
  url?: string | null
  sample?: boolean | null
  approverName?: string | null
}

/** The survey a task names, as it will be published: its id and the windows of its occasions. */
export interface PublishedSurvey {
  id: Id
  triggers: { window: unknown }[]
}

const sameWindow = (a: ProgramWindow | null, b: ProgramWindow | null) =>
  a !== null && b !== null && JSON.stringify(a) === JSON.stringify(b)

const overlaps = (a: ProgramWindow | null, b: ProgramWindow | null) =>
  a !== null &&
  b !== null &&
  a.unit === b.unit &&
  (a.unit === 'every' || ('from' in a && 'from' in b && a.from <= b.to && b.from <= a.to))

/**
 * The contract id of the survey occasion a task waits for: a CMS survey asked at several times is
 * published as one survey per time (`survey-<id>-<n>`, cms/publish/surveys.ts); the task's is the
 * occasion with the task's window, else the first one overlapping it, else the first.
 */
export function surveyIdFor(window: unknown, survey: PublishedSurvey): string {
  const own = toProgramWindow(window)
  const windows = survey.triggers.map((t) => toProgramWindow(t.window))
  let index = windows.findIndex((w) => sameWindow(w, own))
  if (index < 0) index = windows.findIndex((w) => overlaps(w, own))
  return `survey-${survey.id}-${Math.max(index, 0) + 1}`
}

/** The contract's task from an approved copy; a national task carries its approver as supervisor. */
export function taskOf(
  id: Id,
  approved: ApprovedTask,
  survey: PublishedSurvey | null,
  national: boolean,
): Task {
  return {
    id: contractIdOf(id),
    version: approved.version ?? 1,
    window: (toProgramWindow(approved.window) ?? approved.window) as Task['window'],
    audiences: approved.audiences as Task['audiences'],
    doneBy: approved.doneBy as Task['doneBy'],
    ...(approved.doneBy === 'survey' && survey ? { surveyId: surveyIdFor(approved.window, survey) } : {}),
    remindAfterDays: approved.remindAfterDays ?? [],
    ...(approved.url ? { url: approved.url } : {}),
    texts: approved.texts.map((t) => ({
      language: t.language as Task['texts'][number]['language'],
      title: t.title,
      line: t.line,
    })),
    supervisors: national && approved.approverName ? [approved.approverName] : [],
    sample: approved.sample === true,
  }
}

/**
 * The approved tasks of one scope (national: no tenant; else that town's), as the contract carries
 * them, with a problem for each task whose survey will not be published with it.
 */
export async function approvedTasks(
  payload: Payload,
  slugs: ContentSlugs,
  tenantId: Id | null,
): Promise<{ tasks: Task[]; problems: PublishProblem[] }> {
  const found = await payload.find({
    collection: tasksSlug,
    where: {
      and: [
        tenantId === null ? { tenant: { exists: false } } : { tenant: { equals: tenantId } },
        { approved: { exists: true } },
      ],
    },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    sort: 'id',
  })
  const tasks: Task[] = []
  const problems: PublishProblem[] = []
  for (const doc of found.docs as unknown as { id: Id; title?: string; approved?: ApprovedTask | null }[]) {
    const approved = doc.approved
    if (!approved) continue
    let survey: PublishedSurvey | null = null
    if (approved.doneBy === 'survey' && approved.survey !== null && approved.survey !== undefined) {
      survey = await publishedSurvey(payload, slugs, approved.survey, tenantId)
      if (!survey) {
        problems.push({
          where: doc.title ?? contractIdOf(doc.id),
          message: bilingual(
            'このタスクのアンケートが公開されません（全国のアンケートは医療監修者の承認が必要です）',
            "This task's survey is not published (a national survey needs a medical supervisor's approval)",
          ),
        })
        continue
      }
    }
    tasks.push(taskOf(doc.id, approved, survey, tenantId === null))
  }
  return { tasks, problems }
}

/**
 * The survey as it reaches the edge: a national one as last approved, a town's own as it is.
 * A national task may only wait for a national survey.
 */
async function publishedSurvey(
  payload: Payload,
  slugs: ContentSlugs,
  id: Id,
  tenantId: Id | null,
): Promise<PublishedSurvey | null> {
  const doc = (await payload
    .findByID({ collection: slugs.surveys, id, depth: 0, overrideAccess: true, disableErrors: true })
    .catch(() => null)) as {
    id: Id
    tenant?: Id | { id: Id } | null
    triggers?: { window: unknown }[]
    approved?: { triggers?: { window: unknown }[] } | null
  } | null
  if (!doc) return null
  const owner = doc.tenant && typeof doc.tenant === 'object' ? doc.tenant.id : doc.tenant
  if (owner === null || owner === undefined)
    return doc.approved?.triggers ? { id: doc.id, triggers: doc.approved.triggers } : null
  return tenantId !== null && String(owner) === String(tenantId)
    ? { id: doc.id, triggers: doc.triggers ?? [] }
    : null
}
