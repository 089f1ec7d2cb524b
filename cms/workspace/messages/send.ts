import type { Payload } from 'payload'
import { bilingual, type StaffMessageEntry, staffMessageMaxLength } from '../../../shared/contract'
import { askStaffApi, type StaffAnswer } from '../staff-api'
import type { StaffApiTarget } from '../target'
import { authorNameOf, writingRole } from './author'

/** What the compose form and the inbox post: the words, whom to (a note only), and the request's id. */
export interface Compose {
  text: string
  to?: 'all' | string[]
  requestId?: string
}

export type Posted = { ok: true; message: StaffMessageEntry } | { ok: false; status: number; reason: string }

const noRole = (): Posted => ({
  ok: false,
  status: 403,
  reason: bilingual('保健師・窓口の役割がありません', 'Only a nurse or the desk may write to families'),
})

/** Reads the posted body as far as the CMS needs to; the Worker checks it fully (zod). */
export function composeOf(body: unknown): Compose | null {
  if (!body || typeof body !== 'object') return null
  const { text, to, requestId } = body as Record<string, unknown>
  if (typeof text !== 'string' || text.length > staffMessageMaxLength * 2) return null
  const recipients =
    to === undefined || to === 'all'
      ? 'all'
      : Array.isArray(to) && to.every((id) => typeof id === 'string')
        ? (to as string[])
        : null
  if (recipients === null) return null
  return { text, to: recipients, ...(typeof requestId === 'string' ? { requestId } : {}) }
}

/**
 * A note to one household, or a reply to one consultation, asked of the Worker as this staff
 * user, signed with her shown name. Without a request id (a caller that does not retry) a new
 * one is made: the same request retried must carry the same id to be sent once.
 */
export async function postStaffMessage(
  payload: Payload,
  user: unknown,
  to: { tenant: string } & ({ household: string } | { consultation: string }),
  compose: Compose,
  target?: StaffApiTarget,
): Promise<Posted> {
  const role = writingRole(user)
  if (!role) return noRole()
  const body = {
    requestId: compose.requestId ?? crypto.randomUUID(),
    text: compose.text,
    authorName: authorNameOf(user, role),
    ...('household' in to ? { to: compose.to ?? 'all' } : {}),
  }
  const path =
    'household' in to
      ? `/families/${encodeURIComponent(to.household)}/messages`
      : `/consultations/${encodeURIComponent(to.consultation)}/reply`
  const answer: StaffAnswer<StaffMessageEntry> = await askStaffApi(
    payload,
    user,
    { role, tenant: to.tenant, method: 'POST', path, body },
    ...(target ? [target] : []),
  )
  return answer.ok ? { ok: true, message: answer.data } : answer
}
