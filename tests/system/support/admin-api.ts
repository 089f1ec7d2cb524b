// Payload's REST API over HTTP, as a signed-in person's browser or script calls it.

export interface ApiResponse {
  status: number
  // biome-ignore lint/suspicious/noExplicitAny: JSON answers are read field by field in the tests
  body: any
}

export async function api(
  adminUrl: string,
  method: string,
  path: string,
  { token, body }: { token?: string; body?: unknown } = {},
): Promise<ApiResponse> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (token) headers.authorization = `JWT ${token}`
  const response = await fetch(`${adminUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : {} }
}

/** Signs in through POST /api/users/login and returns the JWT. */
export async function signIn(adminUrl: string, email: string, password: string): Promise<string> {
  const response = await api(adminUrl, 'POST', '/api/users/login', { body: { email, password } })
  if (response.status !== 200 || !response.body.token)
    throw new Error(`sign-in failed for ${email}: ${response.status} ${JSON.stringify(response.body)}`)
  return String(response.body.token)
}

/** An editor writes a message and submits it for review; returns its id. */
export async function writeForReview(
  adminUrl: string,
  token: string,
  data: Record<string, unknown>,
): Promise<number | string> {
  const created = await api(adminUrl, 'POST', '/api/messages', { token, body: data })
  if (created.status !== 201) throw new Error(`message not created: ${JSON.stringify(created.body)}`)
  const id = created.body.doc.id as number | string
  const submitted = await api(adminUrl, 'PATCH', `/api/messages/${id}`, {
    token,
    body: { reviewState: 'in-review' },
  })
  if (submitted.status !== 200) throw new Error(`not submitted for review: ${JSON.stringify(submitted.body)}`)
  return id
}
