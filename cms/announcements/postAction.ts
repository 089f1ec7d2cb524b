export type ActionOutcome = { kind: 'done' | 'error'; text: string }

/** POSTs one workflow action or a cancel and says how it went, in words. */
export async function postAction(endpoint: string, body: unknown): Promise<ActionOutcome> {
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    const answer = (await response.json().catch(() => ({}))) as {
      message?: string
      published?: boolean
      errors?: { message: string }[]
    }
    if (!response.ok)
      return {
        kind: 'error',
        text: answer.errors?.map((e) => e.message).join(' ・ ') || `エラー / Error ${response.status}`,
      }
    return {
      kind: answer.published === false ? 'error' : 'done',
      text: answer.message ?? '保存しました / Saved',
    }
  } catch {
    return { kind: 'error', text: '送信できませんでした / Could not send: check the connection' }
  }
}
