export type ActionOutcome = { kind: 'done' | 'error'; text: string }

/** POSTs one action of an edit view (a review, an announcement's workflow or cancel) and says how it went, in words. */
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
      errors?: { message: string }[]
    }
    if (!response.ok)
      return {
        kind: 'error',
        text: answer.errors?.map((e) => e.message).join(' ・ ') || `エラー / Error ${response.status}`,
      }
    // Approved but not published is still done: the view, reloaded, says what to do next.
    return { kind: 'done', text: answer.message ?? '保存しました / Saved' }
  } catch {
    return { kind: 'error', text: '送信できませんでした / Could not send: check the connection' }
  }
}
