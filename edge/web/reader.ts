// Who is reading a resident page, in which language: set once per request, read by every piece of
// wording on the page (through hono's context storage, so no page threads it by hand).
import type { Context } from 'hono'
import { tryGetContext } from 'hono/context-storage'
import { getCookie, setCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import { isLanguageTag, languageTags, sourceLanguage } from '../../shared/languages'
import { negotiateLanguage } from '../../shared/languages/negotiate'

export interface Reader {
  language: string
  /** Chosen on this device (the page's language choice, kept in a cookie): wins over a resident's stored one. */
  chosen: boolean
  /** The languages the choice lists: the town's, once a page knows the town. */
  offered: readonly string[]
}

type ReaderEnv = { Variables: { reader: Reader } }

const cookie = 'lang'

/** Reads ?lang= (and keeps it in a cookie), else the cookie, else the browser's languages, else Japanese. */
export const readerLanguage = createMiddleware<ReaderEnv>(async (c, next) => {
  const asked = c.req.query('lang')
  const kept = getCookie(c, cookie)
  const chosen = asked && isLanguageTag(asked) ? asked : kept && isLanguageTag(kept) ? kept : undefined
  if (asked && chosen === asked) keepReaderLanguage(c, asked)
  c.set('reader', {
    language: chosen ?? negotiateLanguage(c.req.header('accept-language'), languageTags) ?? sourceLanguage,
    chosen: chosen !== undefined,
    offered: languageTags,
  })
  await next()
})

/** This device's language choice, kept for a year: every page after reads in it. */
export function keepReaderLanguage(c: Context, language: string): void {
  setCookie(c, cookie, language, { path: '/', sameSite: 'Lax', maxAge: 60 * 60 * 24 * 365, httpOnly: true })
}

function current(): Reader | undefined {
  return tryGetContext<ReaderEnv>()?.var.reader
}

/** The reader's language; Japanese outside a request (a page rendered in a unit test). */
export function readerTag(): string {
  return current()?.language ?? sourceLanguage
}

export function readerOffered(): readonly string[] {
  return current()?.offered ?? languageTags
}

/**
 * A page that knows its resident or town: their language unless this device chose one, and the
 * town's languages for the choice list.
 */
export function readAs(language: string | undefined, offered?: readonly string[]): void {
  const reader = current()
  if (!reader) return
  if (offered && offered.length > 0) reader.offered = offered
  if (!reader.chosen && language && isLanguageTag(language)) {
    reader.language = offered && !offered.includes(language) ? reader.language : language
  }
  if (offered && offered.length > 0 && !offered.includes(reader.language))
    reader.language = offered.includes(sourceLanguage) ? sourceLanguage : (offered[0] ?? sourceLanguage)
}

/** The page's own address, for the language choice's links (GET pages only). */
export function readerChoicePath(c?: Context): string | undefined {
  const context = c ?? tryGetContext()
  if (context?.req.method !== 'GET') return undefined
  const url = new URL(context.req.url)
  url.searchParams.delete('lang')
  return `${url.pathname}${url.search}`
}
