import { type Endpoint, Forbidden, type PayloadRequest, ValidationError } from 'payload'
import { bilingual } from '../i18n'
import type { YorisoiSlugs } from '../slugs'
import { reviewRequest, stateOfAction, statesForAction } from './reviewRequest'

type Problem = { message: string; path?: string }
const refuse = (status: number, errors: Problem[]) => Response.json({ errors }, { status })

async function bodyOf(req: PayloadRequest): Promise<unknown> {
  try {
    return await req.json?.()
  } catch {
    return undefined
  }
}

/**
 * POST /api/{messages}/:id/review { action: 'approve' | 'request-changes', note, seenAt } — what the
 * admin's review buttons call. It saves the review state as the logged-in user, so the same hook
 * (decideReview) decides: only a medical supervisor, never on a version they edited themselves.
 */
export const reviewEndpoint = (slugs: YorisoiSlugs): Endpoint => ({
  path: '/:id/review',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return refuse(401, [{ message: bilingual('ログインしてください', 'Log in first') }])
    const parsed = reviewRequest.safeParse(await bodyOf(req))
    if (!parsed.success) {
      return refuse(
        400,
        parsed.error.issues.map((issue) => ({ message: issue.message, path: issue.path.join('.') })),
      )
    }
    const { action, note, seenAt } = parsed.data
    const id = String(req.routeParams?.id ?? '')
    const current = await req.payload
      .findByID({ collection: slugs.messages, id, depth: 0, overrideAccess: false, user: req.user, req })
      .catch(() => null)
    if (!current)
      return refuse(404, [{ message: bilingual('メッセージが見つかりません', 'No such message') }])
    if (!(statesForAction[action] as readonly string[]).includes(String(current.reviewState))) {
      return refuse(409, [
        {
          message:
            action === 'submit'
              ? bilingual(
                  'このメッセージはすでに監修待ちか承認済みです',
                  'This message is already in review or approved',
                )
              : bilingual('このメッセージは監修待ちではありません', 'This message is not waiting for review'),
        },
      ])
    }
    if (Date.parse(String(current.updatedAt)) !== Date.parse(seenAt)) {
      return refuse(409, [
        {
          message: bilingual(
            '表示したあとで内容が変わりました。開き直して確認してください',
            'The message changed after you opened it: reload and read it again',
          ),
        },
      ])
    }
    try {
      const saved = await req.payload.update({
        collection: slugs.messages,
        id,
        data:
          action === 'submit'
            ? { reviewState: stateOfAction[action] }
            : { reviewState: stateOfAction[action], reviewNote: note ?? null },
        depth: 0,
        overrideAccess: false,
        user: req.user,
        req,
      })
      return Response.json({
        ok: true,
        reviewState: saved.reviewState,
        version: saved.version,
        message: {
          submit: bilingual('監修を依頼しました', 'Review requested'),
          approve: bilingual('承認しました', 'Approved'),
          'request-changes': bilingual('修正を依頼しました', 'Changes requested'),
        }[action],
      })
    } catch (error) {
      if (error instanceof ValidationError) {
        return refuse(
          400,
          error.data.errors.map((e) => ({ message: e.message, path: e.path })),
        )
      }
      if (error instanceof Forbidden) {
        return refuse(403, [
          {
            message:
              action === 'submit'
                ? bilingual(
                    'このメッセージの監修を依頼する権限がありません',
                    'You may not submit this message',
                  )
                : bilingual('このメッセージを監修する権限がありません', 'You may not review this message'),
          },
        ])
      }
      throw error
    }
  },
})
