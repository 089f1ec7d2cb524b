import type {
  CollectionBeforeValidateHook,
  CollectionConfig,
  Field,
  FieldAccess,
  PayloadRequest,
} from 'payload'

/** Field access of what only the workflow writes: everyone who reads the document reads it. */
export const systemOnly: { create: FieldAccess; update: FieldAccess } = {
  create: () => false,
  update: () => false,
}

/** Whether a save is the workflow's own (an approval copy, a history entry, a publish record). */
export type WorkflowWrite = (req: PayloadRequest) => boolean

/**
 * Publish, rollback and the edge's report run as server code acting for nobody: a save with a
 * logged-in user behind it is a person's, whatever API it came through.
 */
export const serverCode: WorkflowWrite = (req) => !req.user

/** The workflow's own save when the hook that makes it has set `key` in the request context. */
export const flaggedBy =
  (key: string): WorkflowWrite =>
  (req) =>
    req.context?.[key] === true

const containers = new Set(['row', 'collapsible'])

/** The named fields at the top of a document, looking through rows and collapsibles (no column of their own). */
function namesOf(fields: readonly Field[]): string[] {
  return fields.flatMap((field) => {
    if ('name' in field && field.name && field.type !== 'ui') return [field.name]
    if (containers.has(field.type) && 'fields' in field) return namesOf(field.fields)
    return []
  })
}

function guard(fields: Field[], owned: ReadonlySet<string>): Field[] {
  return fields.map((field) => {
    if ('name' in field && owned.has(field.name)) {
      const access = (field as { access?: Record<string, FieldAccess> }).access
      return { ...field, access: { ...access, ...systemOnly } } as Field
    }
    if (containers.has(field.type) && 'fields' in field)
      return { ...field, fields: guard(field.fields, owned) } as Field
    return field
  })
}

/**
 * Drops system-owned fields from what a save sends, unless the save is the workflow's own. Runs
 * before every other hook; the hooks that own these fields set them in beforeChange, after this.
 */
export const stripSystemOwned =
  (owned: readonly string[], workflowWrite?: WorkflowWrite): CollectionBeforeValidateHook =>
  ({ data, req }) => {
    if (!data || workflowWrite?.(req)) return data
    for (const name of owned) delete data[name]
    return data
  }

/**
 * Makes `owned` (or every field: 'all') writable only by the workflow: field access refuses them to
 * every API call that checks access (REST, GraphQL, the admin, the Local API with
 * overrideAccess: false), and a first beforeValidate hook drops them from any other save too, so
 * even server code overriding access cannot set them unless `workflowWrite` says the save is the
 * workflow's own. Reading them is unchanged.
 */
export function systemOwned(
  config: CollectionConfig,
  owned: readonly string[] | 'all',
  workflowWrite?: WorkflowWrite,
): CollectionConfig {
  const names = owned === 'all' ? namesOf(config.fields) : owned
  const unknown = names.filter((name) => !namesOf(config.fields).includes(name))
  if (unknown.length) throw new Error(`${config.slug}: no field named ${unknown.join(', ')}`)
  return {
    ...config,
    fields: guard(config.fields, new Set(names)),
    hooks: {
      ...config.hooks,
      beforeValidate: [stripSystemOwned(names, workflowWrite), ...(config.hooks?.beforeValidate ?? [])],
    },
  }
}
