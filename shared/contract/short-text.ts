import { z } from 'zod'
import { placeholderNames } from './body'
import { bilingual } from './messages'

const known = new Set<string>(placeholderNames)

/** Placeholder names used in a short text, written `{{name}}`. */
export function placeholdersIn(text: string): string[] {
  return Array.from(text.matchAll(/\{\{([^{}]*)\}\}/g), (match) => match[1] ?? '')
}

/**
 * The SMS/LINE form of a message: plain text with `{{placeholder}}`s. 660 characters is what
 * Japanese SMS aggregators accept at most; fitting a tenant's own limit is a publish-time check.
 */
export const shortText = z
  .string()
  .min(1, bilingual('短文が空です', 'The short text is empty'))
  .max(660, bilingual('短文は660文字以内にしてください', 'A short text is at most 660 characters'))
  .superRefine((text, ctx) => {
    for (const name of placeholdersIn(text)) {
      if (!known.has(name)) {
        ctx.addIssue({
          code: 'custom',
          message: bilingual(`不明な差し込み項目 {{${name}}} があります`, `Unknown placeholder {{${name}}}`),
        })
      }
    }
  })
