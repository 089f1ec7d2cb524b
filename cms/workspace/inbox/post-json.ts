/** What a workspace action answered, as the inbox shows it. */
export type Outcome = { kind: 'done' | 'error'; text: string } | null

/**
 * POSTs JSON to a workspace endpoint; its `{ok:false, reason}` and a lost connection come back as
 * an error to show, never thrown.
 */
export async function postJson(url: string, body: unknown): Promise<Outcome> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    const answer = (await response.json().catch(() => ({}))) as { ok?: boolean; reason?: string }
    if (response.ok && answer.ok !== false) return { kind: 'done', text: '完了しました / Done' }
    return { kind: 'error', text: answer.reason ?? `エラー / Error ${response.status}` }
  } catch {
    return {
      kind: 'error',
      text: '送信できませんでした。接続を確かめてください / Could not send: check the connection',
    }
  }
}
