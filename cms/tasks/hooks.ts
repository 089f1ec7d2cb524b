import { type CollectionBeforeChangeHook, type CollectionBeforeValidateHook, ValidationError } from 'payload'
import { bilingual } from '../plugin/i18n'
import { tenantIdsOf } from '../plugin/roles'
import { idsOf } from '../plugin/workflow/content'
import { contentKeyOf } from '../plugin/workflow/contentKey'
import { decideTask } from './decide'
import { taskContentFields } from './fields'
import type { TaskState } from './states'

const idOf = (value: unknown) => (value && typeof value === 'object' ? (value as { id: unknown }).id : value)
const relations = ['tenant', 'survey']

/** A task stays where it was written: a national one never becomes a town's, nor the reverse. */
export const keepTaskTenant: CollectionBeforeValidateHook = ({ data, operation, originalDoc, req }) => {
  if (operation !== 'update' || !data || !('tenant' in data)) return data
  if (String(idOf(data.tenant) ?? '') === String(idOf(originalDoc?.tenant) ?? '')) return data
  throw new ValidationError(
    {
      collection: 'tasks',
      errors: [
        {
          path: 'tenant',
          message: bilingual(
            '自治体は作成後に変更できません。新しいタスクを作ってください',
            'The municipality cannot change after creation: write a new task',
          ),
        },
      ],
    },
    req.t,
  )
}

/** The Japanese title, for the list and the document's heading. */
export const titleFromTexts: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const texts = (data.texts ?? (originalDoc as { texts?: unknown } | undefined)?.texts ?? []) as {
    language?: string
    title?: string
  }[]
  const ja = texts.find((text) => text.language === 'ja')?.title
  return ja ? { ...data, title: ja } : data
}

/**
 * The approval workflow of every save (decideTask): who may change the state, never approving
 * one's own version, and a copy of what was approved — publishing sends only that copy, so an edit
 * under way never reaches residents and a task never approved is never published.
 * Runs after bumpVersion, whose version the copy records.
 */
export const reviewTask: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  const before = operation === 'update' ? (originalDoc as Record<string, unknown>) : undefined
  const merged = { ...before, ...data }
  const changed =
    !before ||
    contentKeyOf(before, taskContentFields, relations) !== contentKeyOf(merged, taskContentFields, relations)
  const tenant = (idOf(merged.tenant) ?? null) as number | string | null
  const from = (before?.state as TaskState | undefined) ?? 'draft'
  const to = (data.state as TaskState | undefined) ?? from
  const versionEditors = from === 'approved' ? [] : idsOf(before?.versionEditors)
  const user = req.user as { id: number | string; roles?: string[] | null; name?: string; email?: string }
  const decision = decideTask({
    from,
    to: before ? to : 'draft',
    contentChanged: changed,
    tenant,
    actor: user ? { id: user.id, roles: user.roles, tenantIds: tenantIdsOf(user) } : null,
    versionEditors,
    note: merged.reviewNote as string | null | undefined,
  })
  if (!decision.ok)
    throw new ValidationError(
      { collection: 'tasks', errors: [{ path: 'state', message: decision.error }] },
      req.t,
    )
  data.state = decision.state
  if (changed) data.versionEditors = [...new Set([...versionEditors, ...(user ? [user.id] : [])])]
  if (decision.approves && user) {
    const approvedAt = new Date().toISOString()
    const approverName = String(user.name || user.email || user.id).slice(0, 60)
    data.approvedBy = user.id
    data.approvedAt = approvedAt
    data.approverName = approverName
    data.approved = {
      version: merged.version ?? 1,
      texts: (merged.texts as { language: string; title: string; line: string }[]).map(
        ({ language, title, line }) => ({ language, title, line }),
      ),
      window: merged.window,
      audiences: merged.audiences,
      doneBy: merged.doneBy,
      survey: idOf(merged.survey) ?? null,
      remindAfterDays: merged.remindAfterDays ?? [],
      url: merged.url || null,
      sample: merged.sample === true,
      approverName,
      approvedAt,
    }
  }
  return data
}
