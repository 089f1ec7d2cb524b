import type { z } from 'zod'
import { localDate } from '../../shared/calendar'

// Stage labels count in Japan's calendar day; the towns are all in Asia/Tokyo today.
export const timeZone = 'Asia/Tokyo'
export const today = (now: Date) => localDate(now, timeZone)

export const notYourTown = '担当外の自治体です / You do not act for this town'

export const noHousehold = 'この世帯は見つかりません / No such household in this town'

export const badQuery = '検索条件が正しくありません / The query is not valid'

/** A query or body checked by its contract schema. */
export function parsed<T extends z.ZodType>(schema: T, input: unknown) {
  return schema.safeParse(input) as z.ZodSafeParseResult<z.infer<T>>
}

/** zod's first problem, where it was, after a bilingual lead (the contract's own messages are bilingual). */
export const badInput = (error: z.ZodError) =>
  `入力が正しくありません / The input is not valid: ${error.issues[0]?.path.join('.') ?? ''} ${error.issues[0]?.message ?? ''}`.trim()
