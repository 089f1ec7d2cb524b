import { getCookie, setCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import type { Env } from '../env'
import { bi } from '../web/bilingual'
import { sameText } from '../web/hmac'
import { isLocalSystem } from '../web/local-system'
import { noticePage } from '../web/notice'

const cookie = 'outbox_key'

const keyNeeded = () =>
  noticePage(
    { ja: '送信箱の鍵が必要です', en: 'The outbox key is needed' },
    bi(
      '送信箱には確認リンクやコードが入っているため、鍵がないと開けません。npm start が表示した送信箱の URL（?key= つき）をそのまま開いてください。',
      'The outbox holds confirmation links and codes, so it opens only with the outbox key. Open the outbox URL npm start printed (the one with ?key=) as it is.',
    ),
  )

const closed = () =>
  noticePage(
    { ja: '送信箱は閉じています', en: 'The outbox is closed' },
    bi(
      'OUTBOX_KEY が設定されていないため、送信箱は開けません。ローカルでは npm start が設定します。',
      'OUTBOX_KEY is not set, so the outbox does not open. Locally, npm start sets it.',
    ),
  )

/**
 * The outbox shows every stored message (links, codes): it exists only where OUTBOX_PAGE is "on"
 * (the local system) and opens only with OUTBOX_KEY. The printed URL carries the key once as
 * `?key=`; it is kept in a strict same-site, HttpOnly cookie for /outbox and dropped from the
 * address at once, so every link and the button work without it and it stays out of the history.
 */
export const outboxAccess = createMiddleware<{ Bindings: Env }>(async (c, next) => {
  if (!isLocalSystem(c.env)) return c.notFound()
  const expected = c.env.OUTBOX_KEY
  if (!expected) return c.html(closed(), 403)
  const url = new URL(c.req.url)
  const offered = url.searchParams.get('key')
  if (offered !== null) {
    if (!sameText(offered, expected)) return c.html(keyNeeded(), 401)
    setCookie(c, cookie, expected, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/outbox',
      secure: url.protocol === 'https:',
    })
    if (c.req.method === 'GET' || c.req.method === 'HEAD') {
      url.searchParams.delete('key')
      return c.redirect(`${url.pathname}${url.search}`, 303)
    }
    return next()
  }
  const kept = getCookie(c, cookie)
  if (kept === undefined || !sameText(kept, expected)) return c.html(keyNeeded(), 401)
  await next()
})
