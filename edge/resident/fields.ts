import { z } from 'zod'
import { bilingual } from '../../shared/contract'

/** What messages call the resident: short, one line, no control characters. */
export const nicknameField = z
  .string()
  .trim()
  .min(1, bilingual('ニックネームを入力してください', 'Please enter a nickname'))
  .max(20, bilingual('ニックネームは20文字以内にしてください', 'A nickname is at most 20 characters'))
  .regex(
    /^[^\p{Cc}\p{Cf}<>]*$/u,
    bilingual('使えない文字が含まれています', 'It contains characters that cannot be used'),
  )
