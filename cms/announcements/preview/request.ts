import { z } from 'zod'
import {
  announcementTarget,
  announcementText,
  bilingual,
  httpsUrl,
  parseContract,
} from '../../../shared/contract'
import { toProgramWindow } from '../../plugin/fields/window'

// The edit form's values as they are while staff type: nulls and empty strings for what is unset,
// Payload's row ids, the window as its stored group, the town as an id or a document.
const unset = (value: unknown) => (value === null || value === '' ? undefined : value)
const idOf = (value: unknown) =>
  value && typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : value

const incompleteWindow = bilingual(
  '対象期間の開始と終了を入力してください（例: 妊娠6か月〜8か月）',
  'Enter where the window starts and ends (e.g. pregnancy months 6 to 8)',
)

const text = z.preprocess(
  (value) =>
    value && typeof value === 'object'
      ? { ...value, shortText: unset((value as { shortText?: unknown }).shortText) }
      : value,
  announcementText,
)

/** POST /api/announcements/preview — the form's current values, not yet saved. */
export const previewRequest = z.object({
  tenant: z.preprocess(
    idOf,
    z.union([z.string().min(1), z.number()], {
      error: bilingual('自治体を選んでください', 'Choose the town'),
    }),
  ),
  urgent: z.preprocess((v) => unset(v) ?? false, z.boolean()),
  texts: z
    .array(text)
    .min(1, bilingual('文面を1つ以上書いてください', 'Write at least one text'))
    .refine((texts) => texts.some((t) => t.language === 'ja'), {
      error: bilingual('日本語の文面が必要です', 'A Japanese text is required'),
    })
    .refine((texts) => new Set(texts.map((t) => t.language)).size === texts.length, {
      error: bilingual('同じ言語の文面が二つあります', 'Two texts share a language'),
    }),
  target: z.preprocess((value, ctx) => {
    const target = (value ?? {}) as Record<string, unknown>
    const group = target.window as { unit?: unknown } | null | undefined
    const window = group?.unit ? toProgramWindow(group) : undefined
    if (window === null)
      ctx.addIssue({ code: 'custom', path: ['window'], message: incompleteWindow, input: group })
    return {
      window: window ?? undefined,
      audiences: unset(target.audiences) ?? undefined,
      languages: unset(target.languages) ?? undefined,
      channels: unset(target.channels) ?? undefined,
    }
  }, announcementTarget),
  url: z.preprocess(unset, httpsUrl.optional()),
})
export type PreviewRequest = z.infer<typeof previewRequest>

export type ReadRequest =
  | { ok: true; value: PreviewRequest }
  | { ok: false; issues: { path: string; message: string }[] }

/** The posted values, or every problem in them (Japanese first). */
export function readPreviewRequest(body: unknown): ReadRequest {
  const parsed = parseContract(previewRequest, body)
  return parsed.ok ? parsed : { ok: false, issues: parsed.issues }
}
