import { BilingualError } from '../shared/calendar'

// The operator commands talk to the edge's /ingest API with YORISOI_EDGE_URL and
// YORISOI_INGEST_TOKEN (the CMS's own token).

function edge(): { url: string; token: string } {
  const url = process.env.YORISOI_EDGE_URL
  const token = process.env.YORISOI_INGEST_TOKEN
  if (!url || !token) {
    throw new BilingualError({
      ja: 'YORISOI_EDGE_URL と YORISOI_INGEST_TOKEN を設定してください',
      en: 'set YORISOI_EDGE_URL and YORISOI_INGEST_TOKEN',
    })
  }
  return { url: url.replace(/\/$/, ''), token }
}

/** One request to `/ingest/{path}`; the edge's refusal becomes a BilingualError of one line. */
export async function callIngest(
  method: string,
  path: string,
  body?: unknown,
): Promise<Record<string, unknown>> {
  const { url, token } = edge()
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
