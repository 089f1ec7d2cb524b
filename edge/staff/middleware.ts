import { createMiddleware } from 'hono/factory'
import type { StaffRole } from '../../shared/contract'
import { verifyAssertion } from './assertion'
import type { StaffEnv } from './context'

/**
 * Every staff route: no key configured → 503 (closed, never open); no valid assertion → 401, and
 * nothing is read or logged. The assertion comes as `Authorization: Bearer <jwt>`.
 */
export const staffAssertion = createMiddleware<StaffEnv>(async (c, next) => {
  const header = c.req.header('authorization') ?? ''
  const token = header.startsWith('Bearer ') ? header.slice(7).trim() : ''
  const verified = await verifyAssertion(c.env.STAFF_API_PUBLIC_KEY, token, new Date())
  if (!verified.ok && verified.why === 'no-key')
    return c.text(
      '職員用APIは設定されていません（STAFF_API_PUBLIC_KEY） / The staff API is not configured (STAFF_API_PUBLIC_KEY)',
      503,
    )
  if (!verified.ok)
    return c.text(
      '職員の確認ができませんでした。もう一度ログインしてください / The staff assertion is missing, expired or invalid; sign in again',
      401,
    )
  c.set('staff', verified.claims)
  await next()
})

/** The route is for these roles only (403 otherwise, before anything is read). */
export const forRoles = (...roles: StaffRole[]) =>
  createMiddleware<StaffEnv>(async (c, next) => {
    if (!roles.includes(c.get('staff').role))
      return c.text('この操作の権限がありません / Your role may not do this', 403)
    await next()
  })

/** The asked-for tenant is one the assertion names: otherwise 403, nothing read. */
export function actsFor(staff: { tenants: readonly string[] }, tenant: string): boolean {
  return staff.tenants.includes(tenant)
}
