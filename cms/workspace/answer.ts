import { bilingual } from '../../shared/contract'
import type { StaffAnswer } from './staff-api'

/** A workspace endpoint's refusal: `{ok: false, reason}` (Japanese first) with the status. */
export const refusal = (status: number, reason: string) => Response.json({ ok: false, reason }, { status })

export const noRole = () => refusal(403, bilingual('この操作の権限がありません', 'Your role may not do this'))

/** The staff API's answer as the endpoint's own: its data, or its refusal as it was given. */
export function relayed<T>(answer: StaffAnswer<T>, ok: (data: T) => Response): Response {
  return answer.ok ? ok(answer.data) : refusal(answer.status, answer.reason)
}
