import { z } from 'zod'
import { bilingualErrorMap } from './messages'

export type ContractParseResult<T> =
  | { ok: true; value: T }
  | { ok: false; issues: ContractIssue[]; message: string }

export interface ContractIssue {
  /** Where the problem is, e.g. `parts.0.hash`; empty for the whole value. */
  path: string
  /** Japanese first, then English. */
  message: string
}

/** Validates data received from the other side; every message readable by a person. */
export function parseContract<S extends z.ZodType>(
  schema: S,
  data: unknown,
): ContractParseResult<z.output<S>> {
  const result = schema.safeParse(data, { error: bilingualErrorMap })
  if (result.success) return { ok: true, value: result.data }
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }))
  return { ok: false, issues, message: z.prettifyError(result.error) }
}
