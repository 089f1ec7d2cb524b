import { handleEndpoints, type SanitizedConfig } from 'payload'
import { password } from './people'

export type RestResponse = {
  status: number
  body: Record<string, unknown> & { errors?: { message: string; data?: unknown }[] }
}

/** One real HTTP-shaped request through Payload's REST handlers (what the Next route calls). */
export async function rest(
  config: SanitizedConfig,
  method: string,
  path: string,
  { token, body }: { token?: string; body?: unknown } = {},
): Promise<RestResponse> {
  const headers = new Headers({ 'content-type': 'application/json' })
  if (token) headers.set('authorization', `JWT ${token}`)
  const request = new Request(`http://localhost${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const response = await handleEndpoints({ config, request })
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : {} }
}

export async function login(config: SanitizedConfig, email: string): Promise<string> {
  const response = await rest(config, 'POST', '/api/users/login', { body: { email, password } })
  if (response.status !== 200) throw new Error(`login failed for ${email}: ${JSON.stringify(response.body)}`)
  return String(response.body.token)
}
