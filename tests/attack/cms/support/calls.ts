import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { handleEndpoints, type SanitizedConfig } from 'payload'

export type Answer = { status: number; text: string; json: Record<string, unknown> }

/** One request through Payload's own HTTP handler (what the Next route serves), with a user's JWT. */
export async function call(
  config: SanitizedConfig,
  token: string | undefined,
  method: string,
  path: string,
  body?: unknown,
): Promise<Answer> {
  const headers = new Headers({ 'content-type': 'application/json' })
  if (token) headers.set('authorization', `JWT ${token}`)
  const request = new Request(`http://localhost${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return answerOf(await handleEndpoints({ config, request }))
}

/** One GraphQL request through Payload's GraphQL route. */
export async function graphql(
  config: SanitizedConfig,
  token: string | undefined,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<Answer> {
  const headers = new Headers({ 'content-type': 'application/json' })
  if (token) headers.set('authorization', `JWT ${token}`)
  const request = new Request('http://localhost/api/graphql', {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  })
  return answerOf(await GRAPHQL_POST(config)(request))
}

async function answerOf(response: Response): Promise<Answer> {
  const text = await response.text()
  let json: Record<string, unknown> = {}
  try {
    json = JSON.parse(text)
  } catch {}
  return { status: response.status, text, json }
}
