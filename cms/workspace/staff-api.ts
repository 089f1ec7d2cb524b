import type { Payload } from 'payload'
import { bilingual, type StaffRole } from '../../shared/contract'
import { staffRolesOf } from '../plugin/roles'
import { signAssertion } from './assertion'
import { type StaffApiTarget, staffApiFromEnvironment } from './target'
import { townsOf } from './towns'

export type StaffAnswer<T> = { ok: true; data: T } | { ok: false; status: number; reason: string }

export interface StaffRequest {
  /** The role the user acts in; they must hold it. */
  role: StaffRole
  /** The town asked about: one of the user's own. */
  tenant: string
  method?: 'GET' | 'POST'
  /** Under /staff, e.g. `/families`. */
  path: string
  query?: Record<string, string | number | undefined>
  body?: unknown
  /** `text`: the answer as it came (a CSV); JSON otherwise. */
  answer?: 'json' | 'text'
}

const refused = (status: number, ja: string, en: string) =>
  ({ ok: false, status, reason: bilingual(ja, en) }) as const

/**
 * Asks the Worker's staff API for a staff user, server-side, at request time: checks the user
 * holds the role and belongs to the town, signs a one-minute assertion, calls, and hands back the
 * answer. Nothing of the answer is stored or logged here (design.md, data flow 5).
 */
export async function askStaffApi<T>(
  payload: Payload,
  user: unknown,
  request: StaffRequest,
  target: StaffApiTarget = staffApiFromEnvironment(),
): Promise<StaffAnswer<T>> {
  const id = (user as { id?: number | string } | null | undefined)?.id
  if (id === undefined) return refused(401, 'ログインしてください', 'Sign in first')
  if (!staffRolesOf(user).includes(request.role))
    return refused(403, 'この操作の権限がありません', 'Your role may not do this')
  const towns = await townsOf(payload, user)
  if (!towns.some((town) => town.slug === request.tenant))
    return refused(403, '担当外の自治体です', 'You do not act for this town')
  const token = await signAssertion(target.privateKey, {
    user: String(id),
    role: request.role,
    tenants: towns.map((town) => town.slug),
  })
  if (!token)
    return refused(
      503,
      '職員用APIの署名鍵が設定されていません（YORISOI_STAFF_API_PRIVATE_KEY）',
      'The staff API signing key is not configured (YORISOI_STAFF_API_PRIVATE_KEY)',
    )
  const url = new URL(`${target.url.replace(/\/$/, '')}/staff${request.path}`)
  url.searchParams.set('tenant', request.tenant)
  for (const [key, value] of Object.entries(request.query ?? {}))
    if (value !== undefined && value !== '') url.searchParams.set(key, String(value))
  let response: Response
  try {
    response = await (target.fetch ?? fetch)(url, {
      method: request.method ?? (request.body === undefined ? 'GET' : 'POST'),
      headers: {
        authorization: `Bearer ${token}`,
        ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: AbortSignal.timeout(15_000),
      cache: 'no-store',
    })
  } catch {
    return refused(
      502,
      `配信サーバー（${target.url}）に接続できません。時間をおいてもう一度お試しください`,
      `Cannot reach the edge (${target.url}); try again later`,
    )
  }
  if (response.ok) {
    // A CSV export answers text; everything else JSON.
    const json =
      request.answer !== 'text' && (response.headers.get('content-type') ?? '').includes('application/json')
    return { ok: true, data: (json ? await response.json() : await response.text()) as T }
  }
  const reason = (await response.text().catch(() => '')).slice(0, 500)
  return {
    ok: false,
    status: response.status,
    reason: reason || `${bilingual('エラー', 'Error')} ${response.status}`,
  }
}
