import type { MiddlewareHandler } from 'hono'
import { csrf } from 'hono/csrf'
import { HTTPException } from 'hono/http-exception'
import { secureHeaders } from 'hono/secure-headers'
import { bi } from './bilingual'
import { noticePage } from './notice'

// No scripts, no frames, forms only to ourselves; no Referer, so a token in a page's URL never
// travels to the privacy notice or any other site a resident follows a link to.
const headers = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'none'"],
    // The web fonts and their stylesheets, served from this Worker's static assets (web/fonts.ts).
    styleSrc: ["'self'", "'unsafe-inline'"],
    fontSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
  },
  referrerPolicy: 'no-referrer',
  crossOriginEmbedderPolicy: false,
})

const sameOrigin = csrf()

/** Pages with residents' data: security headers, never cached. */
export const residentHeaders: MiddlewareHandler = async (c, next) => {
  await headers(c, async () => {
    await next()
    c.header('Cache-Control', 'no-store')
  })
}

/** Refuses a form posted from another site, with a page that says what to do. */
export const sameOriginForms: MiddlewareHandler = async (c, next) => {
  try {
    await sameOrigin(c, async () => {})
  } catch (error) {
    if (!(error instanceof HTTPException) || error.status !== 403) throw error
    const page = noticePage(
      { ja: '送信できませんでした', en: 'The form could not be sent' },
      bi(
        'このページを開き直してから、もう一度送ってください。',
        'Please open the page again and send it from there.',
      ),
    )
    return c.html(page, 403)
  }
  await next()
}
