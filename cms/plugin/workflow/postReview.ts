import type { ReviewRequestBody } from './reviewRequest'

export type ReviewOutcome = { kind: 'done' | 'error'; text: string }

/** Sends one review action to POST /api/{messages}/:id/review and says how it went. */
export async function postReview(endpoint: string, body: ReviewRequestBody): Promise<ReviewOutcome> {
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
    return { kind: 'done', text: answer.message ?? '保存しました / Saved' }
  } catch {
    return { kind: 'error', text: '送信できませんでした / Could not send: check the connection' }
  }
}
