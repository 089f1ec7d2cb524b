import type { Validate } from 'payload'
import type { z } from 'zod'
import { bilingualErrorMap } from '../../../shared/contract/messages'

/** A Payload field validator from a contract schema: the first issue, in Japanese and English. */
export const zodValidate =
  (schema: z.ZodType, { optional = false } = {}): Validate =>
  (value) => {
    if (optional && (value === null || value === undefined || value === '')) return true
    const result = schema.safeParse(value, { error: bilingualErrorMap })
    return result.success ? true : (result.error.issues[0]?.message ?? 'invalid')
  }
