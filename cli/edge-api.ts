import { BilingualError } from '../shared/calendar'

// The operator commands talk to the edge's /ingest API with YORISOI_EDGE_URL and the token of
// their own capability: each is the edge secret of the same name without YORISOI_ (edge/README.md).

/** The operator's tokens, one per capability under /ingest. */
export type OperatorToken = 'YORISOI_SECRETS_TOKEN' | 'YORISOI_DECISIONS_TOKEN' | 'YORISOI_OPERATIONS_TOKEN'

function edge(variable: OperatorToken): { url: string; token: string } {
  const url = process.env.YORISOI_EDGE_URL
  const token = process.env[variable]
  if (!url || !token) {
    throw new BilingualError({
      ja: `YORISOI_EDGE_URL と ${variable} を設定してください`,
      en: `set YORISOI_EDGE_URL and ${variable}`,
    })
  }
  return { url: url.replace(/\/$/, ''), token }
}

/** A caller of `/ingest/{path}` with the `variable` token; the edge's refusal becomes a BilingualError of one line. */
export const ingestCaller =
  (variable: OperatorToken) =>
  (method: string, path: string, body?: unknown): Promise<Record<string, unknown>> =>
    callIngest(variable, method, path, body)

async function callIngest(
  variable: OperatorToken,
  method: string,
  path: string,
  body?: unknown,
): Promise<Record<string, unknown>> {
  const { url, token } = edge(variable)
  let response: Response
  try {
    response = await fetch(`${url}/ingest/${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
  } catch (error) {
    throw new BilingualError({
      ja: `エッジに接続できません: ${url}`,
      en: `cannot reach the edge: ${String(error)}`,
    })
  }
  const json = (await response.json().catch(() => null)) as Record<string, unknown> | null
  if (!response.ok) {
    const error = json?.error as
      | { message?: string; details?: { path: string; message: string }[] }
      | undefined
    const details = (error?.details ?? []).map((d) => ` [${d.path}] ${d.message}`).join('')
    // The edge's message is already Japanese / English.
    throw new BilingualError({ ja: `${error?.message ?? `HTTP ${response.status}`}${details}`, en: '' })
  }
  return json ?? {}
}
